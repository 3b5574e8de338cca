using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.Infrastructure.Tests.Outgoing;
using SecureMail.TestKit.Smime;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>What our own composer sends comes back with the same body, html and attachments, and the facts it
/// reported when sending (digest, cipher, signer).</summary>
public sealed class ComposerRoundTripTests
{
    private static readonly TestCa Root = TestCa.Create("Round Trip Root CA");
    private static readonly TestCa Intermediate = Root.IssueIntermediate("Round Trip Intermediate CA");
    private static readonly TestCertificate Agent = Intermediate.Issue("support@example.com");
    private static readonly TestCertificate Carol = Root.Issue("carol@example.org");

    [Fact]
    public async Task Smime_signed_and_encrypted_with_html_and_attachments()
    {
        var message = OutgoingMessages.WithAttachments() with { Html = "<p>Hello <b>Carol</b></p>" };
        var composed = new MimeKitOutgoingMailComposer().Compose(message, new SmimeProtection(
            new SmimeSigner(Agent.Fingerprint, Agent.Der, [Intermediate.Certificate.Der, Root.Certificate.Der], Agent.Pkcs8Der),
            [new SmimeRecipient("carol@example.org", Carol.Fingerprint, Carol.Der)]));
        var keyring = Trusting(Root.Certificate);
        keyring.SmimeKeys.Add(Decryption(Carol));

        var inspection = await InspectAsync(composed.Raw, keyring);

        Assert.Equal((composed.Cipher, (SecurityCode?)null), (inspection.Decryption!.Cipher, inspection.Decryption.Code));
        Assert.Equal((null, composed.DigestAlgorithm, composed.SignerKeyFingerprint),
            (inspection.Signature!.Code, inspection.Signature.Digest, inspection.Signature.SigningKeyFingerprint));
        AssertContent(message, composed, inspection.Content);
    }

    [Fact]
    public async Task Smime_signed_only_keeps_the_body_byte_for_byte_verifiable()
    {
        var message = OutgoingMessages.WithAttachments();
        var composed = new MimeKitOutgoingMailComposer().Compose(message, new SmimeProtection(
            new SmimeSigner(Agent.Fingerprint, Agent.Der, [Intermediate.Certificate.Der], Agent.Pkcs8Der), []));

        var inspection = await InspectAsync(composed.Raw, Trusting(Root.Certificate));

        Assert.Null(inspection.Decryption);
        Assert.Null(inspection.Signature!.Code);
        AssertContent(message, composed, inspection.Content);
    }

    /// <summary>Also: the attachments the composer listed, with their ids, are those the reader lists from what was sent.</summary>
    internal static void AssertContent(OutgoingMessage message, ComposedMail composed, Application.Inbound.InboundContent content)
    {
        Assert.Equal(["2", "3"], composed.Attachments.Select(a => a.Id));
        Assert.Equal(composed.Attachments, content.Attachments);
        Assert.Equal(message.Body, content.Body.Replace("\r\n", "\n"));
        Assert.Equal(message.Html, content.Html?.Replace("\r\n", "\n").TrimEnd('\n'));
        Assert.Equal(message.Attachments.Select(a => (a.FileName, a.ContentType, (long)a.Content.Length)),
            content.Attachments.Select(a => (a.FileName, a.ContentType, a.Size)));
    }
}
