using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using SecureMail.Domain.Inbound;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Smime;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>S/MIME that must not come out valid or decrypted: tampering, unknown and untrusted signers (a CA the
/// message carries is no anchor: docs/inbound-status.md#carried-keys-are-not-trusted), keys we do not hold,
/// garbage, empty SignerInfos.</summary>
public sealed class SmimeFailureTests : IDisposable
{
    private static readonly TestCa Root = TestCa.Create("Inbound Failure Root CA");
    private static readonly TestCertificate Alice = Root.Issue("alice@example.com");
    private static readonly TestCertificate Support = Root.Issue("support@example.com");

    private readonly SmimeMessages _messages = new();

    public void Dispose() => _messages.Dispose();

    [Fact]
    public async Task A_changed_body_is_a_bad_signature_with_the_signer_still_named()
    {
        var raw = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(_messages.Sign(SmimeMessages.Entity(), Alice))
            .Replace("the printer is on fire.", "the printer is fine now"));

        var inspection = await InspectAsync(raw, Trusting(Root.Certificate));

        Assert.Equal(SecurityCode.BadSignature, inspection.Signature!.Code);
        Assert.Equal(Alice.Fingerprint, inspection.Signature.Certificate!.Fingerprint);
        Assert.Contains("the printer is fine now", inspection.Content.Body);
    }

    [Fact]
    public async Task A_signature_without_the_signer_certificate_is_an_unknown_signer()
    {
        var raw = _messages.Sign(SmimeMessages.Entity(), Alice, "-nocerts");

        var signature = (await InspectAsync(raw, Trusting(Root.Certificate))).Signature!;

        Assert.Equal(SecurityCode.UnknownSigner, signature.Code);
    }

    [Fact]
    public async Task A_CA_carried_in_the_message_is_not_trusted_even_with_the_subject_of_an_imported_one_and_its_signer_is_unknown()
    {
        var rogue = TestCa.Create("Inbound Failure Root CA");
        var mallory = rogue.Issue("alice@example.com");
        var raw = _messages.SignCarrying(SmimeMessages.Entity(), mallory, rogue.Certificate);

        var signature = (await InspectAsync(raw, Trusting(Root.Certificate))).Signature!;

        Assert.Equal(SecurityCode.UnknownSigner, signature.Code);
        Assert.Equal(mallory.Fingerprint, signature.SigningKeyFingerprint);
    }

    [Fact]
    public async Task A_signer_from_a_CA_nobody_imported_is_an_unknown_signer()
    {
        var other = TestCa.Create("Never Imported CA").Issue("alice@example.com");

        var signature = (await InspectAsync(_messages.Sign(SmimeMessages.Entity(), other), Trusting(Root.Certificate))).Signature!;

        Assert.Equal(SecurityCode.UnknownSigner, signature.Code);
    }

    [Fact]
    public async Task Mail_encrypted_to_someone_else_is_not_decrypted_and_shows_nothing()
    {
        var raw = _messages.Encrypt(SmimeMessages.Entity(), Alice);
        var keyring = new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } };

        var inspection = await InspectAsync(raw, keyring);

        Assert.Equal(SecurityCode.NoPrivateKey, inspection.Decryption!.Code);
        Assert.Equal(("", 0), (inspection.Content.Body, inspection.Content.Attachments.Count));
    }

    [Fact]
    public async Task A_damaged_content_key_or_damaged_CBC_content_is_corrupt_and_shows_nothing()
    {
        var cms = AuthEnvelopedMail.Cms(_messages.Encrypt(SmimeMessages.Entity(), Support));
        var data = EnvelopedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(cms)).Content);
        var contentKey = KeyTransRecipientInfo.GetInstance(RecipientInfo.GetInstance(data.RecipientInfos[0]).Info).EncryptedKey.GetOctets();
        var content = data.EncryptedContentInfo.EncryptedContent.GetOctets();
        var keyring = new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } };

        // The last byte of the block before the last is XORed into the padding length: flipped, it cannot be valid.
        foreach (var (field, offset) in new[] { (contentKey, contentKey.Length / 2), (content, content.Length - 17) })
        {
            var damaged = (byte[])cms.Clone();
            var at = cms.AsSpan().IndexOf(field);
            Assert.True(at >= 0, "the field's bytes lie in the encoding as they are");
            damaged[at + offset] ^= 0xFF;

            var inspection = await InspectAsync(Pkcs7Mail("enveloped-data", damaged), keyring);

            Assert.Equal(SecurityCode.Corrupt, inspection.Decryption!.Code);
            Assert.Equal("", inspection.Content.Body);
        }
    }

    private static byte[] Pkcs7Mail(string smimeType, byte[] cms) => RawMail.Lines(
        RawMail.Headers + $"Content-Type: application/pkcs7-mime; smime-type={smimeType}; name=smime.p7m",
        "Content-Transfer-Encoding: base64", "", RawMail.Base64(cms));

    [Theory]
    [InlineData("enveloped-data", true)]
    [InlineData("signed-data", false)]
    public async Task Garbage_CMS_is_corrupt_or_malformed(string smimeType, bool encrypted)
    {
        var garbage = Enumerable.Range(0, 300).Select(i => (byte)(i * 37 + 11)).ToArray();
        var raw = Pkcs7Mail(smimeType, garbage);
        var keyring = new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } };

        var inspection = await InspectAsync(raw, keyring);

        if (encrypted)
            Assert.Equal(SecurityCode.Corrupt, inspection.Decryption!.Code);
        else
            Assert.Equal(SecurityCode.Malformed, inspection.Signature!.Code);
    }

    [Fact]
    public async Task Signed_data_with_no_signer_infos_is_not_valid()
    {
        var empty = new CmsSignedDataGenerator().Generate(new CmsProcessableByteArray(SmimeMessages.Entity()), encapsulate: true);
        var raw = Pkcs7Mail("signed-data", empty.GetEncoded());

        var inspection = await InspectAsync(raw, Trusting(Root.Certificate));

        Assert.Equal(SecurityCode.NoSigner, inspection.Signature!.Code);
        Assert.Contains("the printer is on fire.", inspection.Content.Body);
    }

    [Fact]
    public async Task A_detached_signature_with_no_signer_infos_is_not_valid()
    {
        var signed = Encoding.Latin1.GetString(_messages.Sign(SmimeMessages.Entity(), Alice));
        var empty = new CmsSignedDataGenerator().Generate(new CmsProcessableByteArray([1, 2, 3]), encapsulate: false);
        var signatureStart = signed.IndexOf("Content-Type: application/pkcs7-signature", StringComparison.Ordinal);
        var body = signed.IndexOf("\n\n", signatureStart, StringComparison.Ordinal) is var lf and >= 0 ? lf + 2 : signed.IndexOf("\r\n\r\n", signatureStart) + 4;
        var end = signed.IndexOf("\n------", body, StringComparison.Ordinal);
        var raw = Encoding.Latin1.GetBytes(signed[..body] + RawMail.Base64(empty.GetEncoded()) + "\r\n" + signed[end..]);

        Assert.Equal(SecurityCode.NoSigner, (await InspectAsync(raw, Trusting(Root.Certificate))).Signature!.Code);
    }
}
