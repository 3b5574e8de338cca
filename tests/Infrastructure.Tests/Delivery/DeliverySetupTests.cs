using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Application.Delivery;
using SecureMail.Infrastructure.Delivery;

namespace SecureMail.Infrastructure.Tests.Delivery;

public class DeliverySetupTests
{
    private static IServiceProvider Build(Dictionary<string, string?> settings, string contentRoot = "/srv/helpdesk") =>
        new ServiceCollection()
            .AddMailTransport(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), contentRoot)
            .BuildServiceProvider();

    [Fact]
    public void A_configured_host_means_smtp_with_the_options_from_the_smtp_section()
    {
        var services = Build(new()
        {
            ["Smtp:Host"] = "relay.example.test",
            ["Smtp:Port"] = "587",
            ["Smtp:Security"] = "StartTls",
            ["Smtp:Username"] = "helpdesk",
            ["Smtp:Password"] = "secret",
            ["Smtp:Timeout"] = "00:00:05",
        });

        Assert.IsType<SmtpMailTransport>(services.GetRequiredService<IMailTransport>());
        Assert.Same(services.GetRequiredService<IMailTransport>(), services.GetRequiredService<IMailTransport>());
        Assert.Equal(
            new SmtpOptions { Host = "relay.example.test", Port = 587, Security = "StartTls", Username = "helpdesk", Password = "secret", Timeout = TimeSpan.FromSeconds(5) },
            services.GetRequiredService<SmtpOptions>());
    }

    [Fact]
    public void Credentials_over_a_connection_that_is_never_encrypted_are_refused_at_start()
    {
        var error = Assert.Throws<ArgumentException>(() => Build(new()
        {
            ["Smtp:Host"] = "relay.example.test", ["Smtp:Security"] = "None", ["Smtp:Username"] = "helpdesk", ["Smtp:Password"] = "secret",
        }));

        Assert.Contains("unencrypted", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void Without_a_host_messages_go_to_the_outbox_under_the_current_directory()
    {
        var transport = Assert.IsType<PickupDirectoryTransport>(Build([]).GetRequiredService<IMailTransport>());

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, ".data", "outbox"), transport.Directory);
    }

    [Fact]
    public void A_relative_pickup_directory_is_taken_from_the_content_root()
    {
        var transport = Assert.IsType<PickupDirectoryTransport>(
            Build(new() { ["Smtp:PickupDirectory"] = "mail/out" }).GetRequiredService<IMailTransport>());

        Assert.Equal(Path.Combine("/srv/helpdesk", "mail", "out"), transport.Directory);
    }
}
