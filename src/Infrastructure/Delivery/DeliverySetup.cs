using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureMail.Application.Delivery;

namespace SecureMail.Infrastructure.Delivery;

public static class DeliverySetup
{
    /// <summary>Relays through <c>Smtp:Host</c> when it is set; otherwise writes .eml files to
    /// <c>Smtp:PickupDirectory</c> (relative to <paramref name="contentRoot"/>), by default
    /// <c>.data/outbox</c> under the current directory.</summary>
    public static IServiceCollection AddMailTransport(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Smtp");
        if (!string.IsNullOrWhiteSpace(section["Host"]))
        {
            var options = section.Get<SmtpOptions>()!;
            // At start, not at the first delivery: a setting that cannot work is the operator's to fix before mail waits on it.
            SmtpMailTransport.Validate(options);
            services.AddSingleton(options);
            services.AddSingleton<IMailTransport>(provider =>
                new SmtpMailTransport(options, provider.GetService<ILogger<SmtpMailTransport>>()));
            return services;
        }

        var configured = section["PickupDirectory"];
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.CurrentDirectory, ".data", "outbox")
            : Path.GetFullPath(configured, contentRoot);
        services.AddSingleton<IMailTransport>(new PickupDirectoryTransport(directory));
        return services;
    }
}
