using System.Text;
using SecureMail.Application.Delivery;
using SecureMail.Infrastructure.Delivery;
using SecureMail.TestKit.Smime;
using SecureMail.TestKit.Smtp;

namespace SecureMail.Infrastructure.Tests.Delivery;

public class SmtpMailTransportTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private SmtpTestServer _server = null!;

    public async Task InitializeAsync() => _server = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private SmtpMailTransport Transport() =>
        new(new SmtpOptions { Host = _server.Host, Port = _server.Port, Security = "None", Timeout = TimeSpan.FromSeconds(5) });

    [Fact]
    public async Task A_plain_message_arrives_byte_for_byte_and_the_servers_reply_is_returned()
    {
        var raw = TestMessages.Plain();

        var reply = await Transport().SendAsync(raw, "helpdesk@example.test", ["bob@example.test"], default);

        var mail = Assert.Single(await _server.WaitForMailAsync(1, Wait));
        Assert.Equal(raw, mail.Raw);
        Assert.Equal("helpdesk@example.test", mail.MailFrom);
        Assert.Equal(["bob@example.test"], mail.Recipients);
        Assert.Contains($"queued as {mail.QueueId}", reply);
    }

    [Fact]
    public async Task An_eight_bit_body_is_not_re_encoded()
    {
        var raw = TestMessages.EightBit();

        await Transport().SendAsync(raw, "helpdesk@example.test", ["bob@example.test"], default);

        Assert.Equal(raw, Assert.Single(await _server.WaitForMessagesAsync(1, Wait)));
    }

    [Fact]
    public async Task A_signed_message_arrives_byte_for_byte_and_its_signature_still_verifies()
    {
        var raw = TestMessages.Signed(TestCertificates.SelfSigned("helpdesk@example.test"));
        TestMessages.VerifySignature(raw);

        await Transport().SendAsync(raw, "helpdesk@example.test", ["bob@example.test"], default);

        var received = Assert.Single(await _server.WaitForMessagesAsync(1, Wait));
        Assert.Equal(Encoding.UTF8.GetString(raw), Encoding.UTF8.GetString(received));
        Assert.Equal(raw, received);
        TestMessages.VerifySignature(received);
    }

    [Fact]
    public async Task Every_envelope_recipient_gets_the_message_even_when_no_header_names_them()
    {
        var raw = TestMessages.Plain(to: "bob@example.test");

        await Transport().SendAsync(raw, "helpdesk@example.test", ["bob@example.test", "auditor@example.test"], default);

        var mail = Assert.Single(await _server.WaitForMailAsync(1, Wait));
        Assert.Equal(["bob@example.test", "auditor@example.test"], mail.Recipients);
        Assert.Equal(raw, mail.Raw);
    }

    [Fact]
    public async Task A_bcc_header_is_left_out_so_the_other_recipients_do_not_learn_of_it()
    {
        var raw = TestMessages.Plain(extraHeaders: "Bcc: auditor@example.test\r\n");

        await Transport().SendAsync(raw, "helpdesk@example.test", ["bob@example.test", "auditor@example.test"], default);

        var mail = Assert.Single(await _server.WaitForMailAsync(1, Wait));
        Assert.Equal(TestMessages.Plain(), mail.Raw);
    }

    [Fact]
    public async Task Bare_line_feeds_go_out_as_crlf_with_a_final_line_break_as_smtp_requires()
    {
        var raw = Encoding.ASCII.GetBytes("From: a@example.test\nMIME-Version: 1.0\nContent-Type: text/plain\n\nno final line break");

        await Transport().SendAsync(raw, "a@example.test", ["bob@example.test"], default);

        var received = Assert.Single(await _server.WaitForMessagesAsync(1, Wait));
        Assert.Equal("From: a@example.test\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nno final line break\r\n", Encoding.ASCII.GetString(received));
    }

    [Fact]
    public async Task An_empty_envelope_sender_is_sent_as_the_null_reverse_path()
    {
        await Transport().SendAsync(TestMessages.Plain(), "", ["bob@example.test"], default);

        var mail = Assert.Single(await _server.WaitForMailAsync(1, Wait));
        Assert.Equal("", mail.MailFrom);
    }
}
