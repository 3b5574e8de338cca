using SecureMail.Application.Delivery;
using SecureMail.Infrastructure.Delivery;
using SecureMail.TestKit.Smtp;

namespace SecureMail.Infrastructure.Tests.Delivery;

/// <summary>Credentials go to the relay only over TLS; opportunistic TLS is for mail alone. The test server has no TLS
/// and offers AUTH anyway, as a relay behind a man in the middle who stripped STARTTLS looks to the client.</summary>
public class SmtpTlsBeforeAuthenticationTests : IAsyncLifetime
{
    private SmtpTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SmtpTestServer.StartAsync();
        _server.OfferAuthenticationWithoutTls();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private SmtpMailTransport Transport(string security, string? username) => new(new SmtpOptions
    {
        Host = _server.Host, Port = _server.Port, Security = security, Username = username, Password = "hunter2", Timeout = TimeSpan.FromSeconds(5),
    });

    [Theory]
    [InlineData("StartTlsWhenAvailable")]
    [InlineData("Auto")]
    public async Task With_credentials_a_relay_without_tls_gets_neither_the_credentials_nor_the_message(string security)
    {
        var failure = await Assert.ThrowsAsync<MailTransportFailed>(() =>
            Transport(security, "helpdesk").SendAsync(TestMessages.Plain(), "helpdesk@example.test", ["bob@example.test"], default));

        Assert.False(failure.Permanent);
        Assert.Contains("TLS", failure.Message);
        Assert.Contains("credentials", failure.Message);
        Assert.Empty(_server.AuthenticationAttempts);
        Assert.Empty(Directory.GetFiles(Path.Combine(_server.Maildir, "new")));
    }

    [Fact]
    public async Task Without_credentials_opportunistic_tls_still_delivers_over_a_plain_connection()
    {
        await Transport("StartTlsWhenAvailable", null).SendAsync(TestMessages.Plain(), "helpdesk@example.test", ["bob@example.test"], default);

        Assert.Single(await _server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Empty(_server.AuthenticationAttempts);
    }

    [Fact]
    public void Credentials_with_security_none_are_refused_when_the_transport_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => Transport("None", "helpdesk"));

        Assert.Contains("Smtp:Security", error.Message);
        Assert.Contains("StartTls", error.Message);
    }
}
