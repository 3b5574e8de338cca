using SecureMail.Infrastructure.Delivery;

namespace SecureMail.Infrastructure.Tests.Delivery;

public class SmtpOptionsTests
{
    [Fact]
    public void The_password_never_appears_in_the_options_text()
    {
        var text = new SmtpOptions { Host = "relay.example.test", Username = "helpdesk", Password = "hunter2" }.ToString();

        Assert.Contains("relay.example.test", text);
        Assert.Contains("helpdesk", text);
        Assert.DoesNotContain("hunter2", text);
    }

    [Fact]
    public void The_defaults_are_port_25_opportunistic_starttls_and_30_seconds()
    {
        var options = new SmtpOptions();

        Assert.Equal(25, options.Port);
        Assert.Equal("StartTlsWhenAvailable", options.Security);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    [Theory]
    [InlineData("Tls")]
    [InlineData("")]
    [InlineData("7")]
    public void An_unknown_security_mode_is_refused_when_the_transport_is_made(string security)
    {
        var error = Assert.Throws<ArgumentException>(() => new SmtpMailTransport(new SmtpOptions { Host = "relay.example.test", Security = security }));

        Assert.Contains("StartTlsWhenAvailable", error.Message);
    }

    [Fact]
    public void A_transport_without_a_host_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SmtpMailTransport(new SmtpOptions()));
    }
}
