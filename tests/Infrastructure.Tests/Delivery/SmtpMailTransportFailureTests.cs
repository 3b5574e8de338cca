using System.Net;
using System.Net.Sockets;
using SecureMail.Application.Delivery;
using SecureMail.Infrastructure.Delivery;
using SecureMail.TestKit.Smtp;

namespace SecureMail.Infrastructure.Tests.Delivery;

public class SmtpMailTransportFailureTests : IAsyncLifetime
{
    private SmtpTestServer _server = null!;

    public async Task InitializeAsync() => _server = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static SmtpMailTransport Transport(int port, TimeSpan? timeout = null) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None", Timeout = timeout ?? TimeSpan.FromSeconds(5) });

    private Task<string> Send(params string[] recipients) =>
        Transport(_server.Port).SendAsync(TestMessages.Plain(), "helpdesk@example.test", recipients, default);

    [Fact]
    public async Task A_relay_that_is_down_is_a_transient_failure_and_sending_works_once_it_is_back()
    {
        _server.Stop();

        var failure = await Assert.ThrowsAsync<MailTransportFailed>(() => Send("bob@example.test"));
        Assert.False(failure.Permanent);
        Assert.Contains($"127.0.0.1:{_server.Port}", failure.Message);

        await _server.StartAgainAsync();
        await Send("bob@example.test");
        Assert.Single(await _server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_recipient_refused_with_550_is_a_permanent_failure_and_nobody_gets_the_message()
    {
        _server.RefuseRecipient("gone@example.test", "550 5.1.1 No such user");

        var failure = await Assert.ThrowsAsync<MailTransportFailed>(() => Send("bob@example.test", "gone@example.test"));

        Assert.True(failure.Permanent);
        Assert.Contains("550", failure.Message);
        Assert.Contains("gone@example.test", failure.Message);
        await Task.Delay(200);
        Assert.Empty(Directory.GetFiles(Path.Combine(_server.Maildir, "new")));
    }

    [Fact]
    public async Task A_recipient_refused_with_450_is_a_transient_failure()
    {
        _server.RefuseRecipient("busy@example.test", "450 4.2.1 Mailbox busy");

        var failure = await Assert.ThrowsAsync<MailTransportFailed>(() => Send("busy@example.test"));

        Assert.False(failure.Permanent);
    }

    [Fact]
    public async Task A_sender_refused_with_550_is_a_permanent_failure()
    {
        _server.RefuseSender("550 5.7.1 Sender rejected");

        var failure = await Assert.ThrowsAsync<MailTransportFailed>(() => Send("bob@example.test"));

        Assert.True(failure.Permanent);
    }

    [Fact]
    public async Task A_message_refused_after_data_with_451_is_transient_and_with_554_permanent()
    {
        _server.RefuseMessages("451 4.3.0 Try again later");
        Assert.False((await Assert.ThrowsAsync<MailTransportFailed>(() => Send("bob@example.test"))).Permanent);

        _server.RefuseMessages("554 5.6.0 Content rejected");
        Assert.True((await Assert.ThrowsAsync<MailTransportFailed>(() => Send("bob@example.test"))).Permanent);

        _server.AcceptEverything();
        await Send("bob@example.test");
        Assert.Single(await _server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_relay_that_never_greets_is_a_transient_failure_after_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var failure = await Assert.ThrowsAsync<MailTransportFailed>(() =>
            Transport(port, TimeSpan.FromMilliseconds(500)).SendAsync(TestMessages.Plain(), "a@example.test", ["b@example.test"], default));

        Assert.False(failure.Permanent);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("two@at@example.test")]
    [InlineData("bob@example.test>\r\nRCPT TO:<smuggled@example.test")]
    public async Task A_recipient_that_is_no_address_is_a_permanent_failure(string recipient)
    {
        var failure = await Assert.ThrowsAsync<MailTransportFailed>(() => Send(recipient));

        Assert.True(failure.Permanent);
    }

    [Fact]
    public async Task Cancelling_a_send_is_a_cancellation_not_a_transport_failure()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Transport(_server.Port).SendAsync(TestMessages.Plain(), "a@example.test", ["b@example.test"], cancelled.Token));
    }
}
