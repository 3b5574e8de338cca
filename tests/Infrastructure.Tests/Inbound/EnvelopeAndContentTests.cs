using System.Text;
using SecureMail.Infrastructure.Inbound;
using SecureMail.TestKit.Inbound;

namespace SecureMail.Infrastructure.Tests.Inbound;

public sealed class EnvelopeAndContentTests
{
    private readonly MimeKitInboundMessageReader _reader = new();

    [Fact]
    public void Headers_are_read_for_threading_and_key_lookup()
    {
        var raw = RawMail.Lines("From: \"Alice A.\" <alice@example.com>", "To: support@example.com, Bob <bob@example.org>",
            "Cc: carol@example.net", "Delivered-To: helpdesk@example.com", "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=",
            "Message-ID: <m3@example.com>", "In-Reply-To: <m2@example.com>", "References: <m1@example.com> <m2@example.com>",
            "Date: Tue, 03 Mar 2026 10:00:00 +0100", "", "Hi");

        var envelope = _reader.ReadEnvelope(raw);

        Assert.Equal(["alice@example.com"], envelope.From);
        Assert.Equal("Alice A.", envelope.FromName);
        Assert.Equal(["support@example.com", "bob@example.org"], envelope.To);
        Assert.Equal(["carol@example.net"], envelope.Cc);
        Assert.Equal(["helpdesk@example.com"], envelope.DeliveredTo);
        Assert.Equal(("Grüße", "m3@example.com", "m2@example.com"), (envelope.Subject, envelope.MessageId, envelope.InReplyTo));
        Assert.Equal(["m1@example.com", "m2@example.com"], envelope.References);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(1)), envelope.Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("From: <<<@@@\r\nTo: ,,,\r\nDate: yesterday\r\n\r\n")]
    [InlineData("\0\0\0garbage")]
    public void Malformed_headers_never_throw(string text)
    {
        var envelope = _reader.ReadEnvelope(Encoding.Latin1.GetBytes(text));

        Assert.Null(envelope.Date);
    }

    [Fact]
    public void Two_From_addresses_are_both_reported()
    {
        Assert.Equal(2, _reader.ReadEnvelope(RawMail.Lines("From: a@example.com, b@example.com", "", "x")).From.Count);
    }

    [Fact]
    public async Task Html_only_mail_gets_a_text_body_and_the_charset_is_honoured()
    {
        var html = RawMail.Lines(RawMail.Headers + "Content-Type: text/html; charset=utf-8", "",
            "<html><head><style>p{}</style></head><body><p>Hello&nbsp;<b>there</b></p><script>x()</script></body></html>");
        var latin1 = RawMail.Lines(RawMail.Headers + "Content-Type: text/plain; charset=iso-8859-1",
            "Content-Transfer-Encoding: quoted-printable", "", "Gr=FC=DFe");

        var fromHtml = new InMemoryInboundKeyring().Inspect(_reader, html);
        var fromLatin1 = new InMemoryInboundKeyring().Inspect(_reader, latin1);

        Assert.Equal("Hello\u00a0there", fromHtml.Content.Body);
        Assert.Contains("<b>there</b>", fromHtml.Content.Html);
        Assert.Equal("Grüße", fromLatin1.Content.Body.Trim());
    }
}
