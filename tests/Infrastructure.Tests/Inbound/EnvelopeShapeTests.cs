using System.Text;
using SecureMail.Domain.Inbound;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Smime;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>Only the root counts (docs/inbound-status.md#outermost-layer-only). Signed or encrypted parts anywhere
/// else leave the article unsigned and unencrypted, and are never decrypted (a decrypted nested part quoted in a
/// reply is a decryption oracle).</summary>
public sealed class EnvelopeShapeTests : IDisposable
{
    private static readonly TestCa Root = TestCa.Create("Inbound Shape Root CA");
    private static readonly TestCertificate Alice = Root.Issue("alice@example.com");
    private static readonly TestCertificate Support = Root.Issue("support@example.com");

    private readonly SmimeMessages _messages = new();

    public void Dispose() => _messages.Dispose();

    [Fact]
    public async Task A_signed_part_inside_multipart_mixed_counts_for_nothing()
    {
        var raw = RawMail.WrappedInMixed(_messages.Sign(SmimeMessages.Entity(), Alice));

        var inspection = await InspectAsync(raw, Trusting(Root.Certificate));

        Assert.Equal((null, null), (inspection.Decryption, inspection.Signature));
        Assert.Equal("See below.", inspection.Content.Body.Trim());
    }

    [Fact]
    public async Task An_encrypted_part_inside_multipart_mixed_is_kept_as_an_attachment_and_never_decrypted()
    {
        var raw = RawMail.WrappedInMixed(_messages.Encrypt(SmimeMessages.Entity(), Support));
        var keyring = new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } };

        var inspection = await InspectAsync(raw, keyring);

        Assert.Equal((null, null), (inspection.Decryption, inspection.Signature));
        Assert.Equal("application/pkcs7-mime", Assert.Single(inspection.Content.Attachments).ContentType);
        Assert.Empty(keyring.Asked);
    }

    [Fact]
    public async Task A_forwarded_signed_message_is_an_attachment_and_not_a_signature()
    {
        var signed = _messages.Sign(SmimeMessages.Entity(), Alice);
        var raw = Encoding.Latin1.GetBytes(RawMail.Headers + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            + "--outer\r\nContent-Type: text/plain\r\n\r\nForwarding this.\r\n"
            + "--outer\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"original.eml\"\r\n\r\n"
            + Encoding.Latin1.GetString(signed) + "\r\n--outer--\r\n");

        var inspection = await InspectAsync(raw, Trusting(Root.Certificate));

        Assert.Equal((null, null), (inspection.Decryption, inspection.Signature));
        var attachment = Assert.Single(inspection.Content.Attachments);
        Assert.Equal(("original.eml", "message/rfc822"), (attachment.FileName, attachment.ContentType));
    }

    [Fact]
    public async Task A_multipart_signed_with_a_third_part_is_malformed()
    {
        var signed = Encoding.Latin1.GetString(_messages.Sign(SmimeMessages.Entity(), Alice));
        var boundary = signed[(signed.IndexOf("boundary=\"", StringComparison.Ordinal) + 10)..];
        boundary = boundary[..boundary.IndexOf('"')];
        var closing = signed.LastIndexOf($"--{boundary}--", StringComparison.Ordinal);
        var raw = Encoding.Latin1.GetBytes(signed[..closing]
            + $"--{boundary}\r\nContent-Type: text/plain\r\n\r\nUnsigned extra text.\r\n\r\n" + signed[closing..]);

        var signature = (await InspectAsync(raw, Trusting(Root.Certificate))).Signature!;

        Assert.Equal(SecurityCode.Malformed, signature.Code);
    }

    [Fact]
    public async Task A_multipart_signed_with_an_unknown_protocol_is_malformed()
    {
        var signed = Encoding.Latin1.GetString(_messages.Sign(SmimeMessages.Entity(), Alice))
            .Replace("protocol=\"application/x-pkcs7-signature\"", "protocol=\"application/x-unknown\"")
            .Replace("protocol=\"application/pkcs7-signature\"", "protocol=\"application/x-unknown\"");

        Assert.Equal(SecurityCode.Malformed, (await InspectAsync(Encoding.Latin1.GetBytes(signed), Trusting(Root.Certificate))).Signature!.Code);
    }

    [Fact]
    public async Task Malformed_MIME_ends_as_an_article_without_status()
    {
        var raw = Encoding.ASCII.GetBytes("Content-Type: multipart/signed; boundary=\"x\"; protocol=\"application/pkcs7-signature\"\r\n\r\n--x\r\nbroken");

        var inspection = await InspectAsync(raw, new InMemoryInboundKeyring());

        Assert.Equal(SecurityCode.Malformed, inspection.Signature?.Code);
        Assert.Null(inspection.Decryption);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0\0")]
    [InlineData("no headers at all, just text")]
    [InlineData("Content-Type: application/pkcs7-mime\r\n\r\n")]
    [InlineData("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\r\n\r\n--b--\r\n")]
    public async Task Nonsense_never_throws(string text)
    {
        var inspection = await InspectAsync(Encoding.Latin1.GetBytes(text), new InMemoryInboundKeyring());

        Assert.NotNull(inspection.Content);
    }

    [Fact]
    public async Task A_thousand_nested_multiparts_are_read_with_bounded_work()
    {
        var builder = new StringBuilder(RawMail.Headers);
        const int depth = 1000;
        for (var i = 0; i < depth; i++)
            builder.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        builder.Append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (var i = depth - 1; i >= 0; i--)
            builder.Append($"--b{i}--\r\n");

        var inspection = await InspectAsync(Encoding.ASCII.GetBytes(builder.ToString()), new InMemoryInboundKeyring());

        Assert.Equal((null, null), (inspection.Decryption, inspection.Signature));
        Assert.True(inspection.Content.Attachments.Count <= 1);
    }
}
