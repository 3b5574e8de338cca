using Marten;
using SecureMail.Application.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace SecureMail.Infrastructure.Telemetry;

public static class EventMetricsSetup
{
    /// <summary>The SecureMail meter, fed by every session's committed events.</summary>
    public static IServiceCollection AddEventMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<SecureMailMetrics>();
        services.AddSingleton<IFirstStatusLatency, InboundStatusLatency>();
        services.AddSingleton<EventMetrics>();
        services.ConfigureMarten((provider, options) => options.Listeners.Add(provider.GetRequiredService<EventMetrics>()));
        return services;
    }
}
