using System.Text;
using MimeKit;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.TestKit.Outgoing;

namespace SecureMail.Infrastructure.Tests.Outgoing;

public sealed class MessageShapeTests
{
    private readonly MimeKitOutgoingMailComposer _composer = new();

    [Fact]
    public void The_headers_carry_what_was_given()
    {
        var message = OutgoingMessages.Simple(to: ["carol@example.org", "Dave <dave@example.net>"]) with
        {
            Cc = ["erin@example.com"],
            InReplyTo = "older@example.com",
            References = ["first@example.com", "older@example.com"],
            Date = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(1)),
        };

        var composed = _composer.Compose(message, OutgoingProtection.None);
        var parsed = MimeMessage.Load(new MemoryStream(composed.Raw));

        Assert.Equal("\"Support Desk\" <support@example.com>", parsed.From.ToString());
        Assert.Equal(["carol@example.org", "dave@example.net"], parsed.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["erin@example.com"], parsed.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal(message.Subject, parsed.Subject);
        Assert.Equal(message.Date, parsed.Date);
        Assert.Equal($"<{message.MessageId}>", RawMime.Header(composed.Raw, "Message-Id"));
        Assert.Equal("<older@example.com>", RawMime.Header(composed.Raw, "In-Reply-To"));
        Assert.Equal(["first@example.com", "older@example.com"], parsed.References);
        Assert.Equal((null, null, null), (composed.DigestAlgorithm, composed.Cipher, composed.SignerKeyFingerprint));
    }

    [Fact]
    public void A_plain_body_is_utf8_text_in_a_seven_bit_encoding_with_crlf_line_ends()
    {
        var composed = _composer.Compose(OutgoingMessages.Simple(), OutgoingProtection.None);

        Assert.True(RawMime.HasOnlyCrlfLineEnds(composed.Raw));
        Assert.All(composed.Raw, b => Assert.True(b < 0x80));
        Assert.Equal("text/plain; charset=utf-8", RawMime.Header(composed.Raw, "Content-Type"));
        Assert.Contains(RawMime.Header(composed.Raw, "Content-Transfer-Encoding"), new[] { "quoted-printable", "base64" });
        Assert.Null(RawMime.Header(composed.Raw, "In-Reply-To"));
        Assert.Equal(OutgoingMessages.Body, MimeContent.Read(composed.Raw).Text);
    }

    [Fact]
    public void Html_makes_an_alternative_and_attachments_a_mixed_multipart()
    {
        var message = OutgoingMessages.WithAttachments() with { Html = "<p>Grüße ✓</p>" };

        var composed = _composer.Compose(message, OutgoingProtection.None);
        var parsed = MimeMessage.Load(new MemoryStream(composed.Raw));

        var mixed = Assert.IsType<Multipart>(parsed.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(mixed.Skip(1), a => Assert.Equal(ContentDisposition.Attachment, a.ContentDisposition?.Disposition));
        var content = MimeContent.Read(parsed.Body);
        Assert.Equal("<p>Grüße ✓</p>", content.Html);
        Assert.Equal(OutgoingMessages.Body, content.Text);
        OutgoingMessages.AssertAttachments(content);
    }

    [Fact]
    public void A_non_ascii_attachment_name_is_encoded()
    {
        var composed = _composer.Compose(OutgoingMessages.WithAttachments(), OutgoingProtection.None);

        Assert.DoesNotContain("näme", Encoding.Latin1.GetString(composed.Raw));
        Assert.Equal("report näme.pdf", MimeContent.Read(composed.Raw).Attachments[0].FileName);
    }
}
