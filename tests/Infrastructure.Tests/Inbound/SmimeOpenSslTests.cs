using System.Text;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Smime;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>S/MIME made by OpenSSL, read back: detached and opaque signatures, AES and 3DES envelopes, sign-then-encrypt,
/// an EC signer, and a chain through an intermediate the message carries.</summary>
public sealed class SmimeOpenSslTests : IDisposable
{
    private static readonly TestCa Root = TestCa.Create("Inbound Test Root CA");
    private static readonly TestCa Intermediate = Root.IssueIntermediate("Inbound Test Intermediate CA");
    private static readonly TestCertificate Alice = Root.Issue("alice@example.com");
    private static readonly TestCertificate Support = Root.Issue("support@example.com");

    private readonly SmimeMessages _messages = new();

    public void Dispose() => _messages.Dispose();

    [Fact]
    public async Task A_detached_signature_verifies_and_names_the_signer()
    {
        var raw = _messages.Sign(SmimeMessages.Entity(), Alice);

        var inspection = await InspectAsync(raw, Trusting(Root.Certificate));

        Assert.Null(inspection.Decryption);
        AssertValid(inspection.Signature, Alice);
        Assert.Equal("SHA-256", inspection.Signature!.Digest);
        Assert.NotNull(inspection.Signature.SignedAt);
        Assert.Equal(SmimeMessages.Text, inspection.Content.Body.Replace("\n", "\r\n").Replace("\r\r", "\r"));
    }

    [Fact]
    public async Task An_opaque_signature_as_Outlook_sends_it_verifies_and_shows_its_content()
    {
        var raw = _messages.Sign(SmimeMessages.Entity(), Alice, "-nodetach");
        Assert.Contains("application/pkcs7-mime", Encoding.ASCII.GetString(raw)); // also x-pkcs7-mime below

        var inspection = await InspectAsync(raw, Trusting(Root.Certificate));
        var legacy = await InspectAsync(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(raw)
            .Replace("application/pkcs7-mime", "application/x-pkcs7-mime").Replace("smime-type=signed-data;", "")), Trusting(Root.Certificate));

        AssertValid(inspection.Signature, Alice);
        AssertValid(legacy.Signature, Alice);
        Assert.Contains("the printer is on fire.", inspection.Content.Body);
        Assert.Contains("the printer is on fire.", legacy.Content.Body);
    }

    [Fact]
    public async Task An_imported_leaf_is_its_own_anchor()
    {
        var selfSigned = TestCertificates.SelfSigned("alice@example.com");
        var raw = _messages.Sign(SmimeMessages.Entity(), selfSigned);

        AssertValid((await InspectAsync(raw, Importing(selfSigned))).Signature, selfSigned);
    }

    [Fact]
    public async Task A_leaf_imported_directly_is_trusted_for_its_own_signatures_though_its_issuer_is_unknown()
    {
        var leaf = TestCa.Create("Never Imported Issuer").Issue("alice@example.com");
        var raw = _messages.Sign(SmimeMessages.Entity(), leaf);

        AssertValid((await InspectAsync(raw, Importing(leaf))).Signature, leaf);
        Assert.Equal(SecurityCode.UnknownSigner, (await InspectAsync(raw, Trusting(Root.Certificate))).Signature!.Code);
    }

    [Fact]
    public async Task An_intermediate_carried_in_the_message_links_the_signer_to_an_imported_root()
    {
        var bob = Intermediate.Issue("bob@example.com");
        var raw = _messages.SignCarrying(SmimeMessages.Entity(), bob, Intermediate.Certificate);

        AssertValid((await InspectAsync(raw, Trusting(Root.Certificate))).Signature, bob);
        Assert.Equal(SecurityCode.UnknownSigner,
            (await InspectAsync(_messages.Sign(SmimeMessages.Entity(), bob), Trusting(Root.Certificate))).Signature!.Code);
    }

    [Fact]
    public async Task An_EC_P256_signer_verifies()
    {
        var ec = Root.Issue(CertificateOptions.For("erin@example.com").Ec());
        var raw = _messages.Sign(SmimeMessages.Entity(), ec);

        var inspection = await InspectAsync(raw, Trusting(Root.Certificate));

        AssertValid(inspection.Signature, ec);
        Assert.Equal("EC", inspection.Signature!.Certificate!.KeyAlgorithm);
    }

    [Fact]
    public async Task AES_256_enveloped_data_decrypts_with_our_key()
    {
        var raw = _messages.Encrypt(SmimeMessages.Entity(), Support);
        var keyring = new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } };

        var inspection = await InspectAsync(raw, keyring);

        Assert.Equal((MailSecuritySystem.SMIME, (string?)Support.Fingerprint, (string?)"AES-256-CBC", (SecurityCode?)null),
            (inspection.Decryption!.System, inspection.Decryption.KeyFingerprint, inspection.Decryption.Cipher, inspection.Decryption.Code));
        Assert.Empty(inspection.Decryption.Warnings);
        Assert.Null(inspection.Signature);
        Assert.Contains("the printer is on fire.", inspection.Content.Body);
    }

    [Fact]
    public async Task A_recipient_named_by_subject_key_identifier_is_found()
    {
        var raw = _messages.Encrypt(SmimeMessages.Entity(), Support, "-aes128", "-keyid");
        var keyring = new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } };

        var inspection = await InspectAsync(raw, keyring);

        Assert.Equal(("AES-128-CBC", (SecurityCode?)null), (inspection.Decryption!.Cipher, inspection.Decryption.Code));
    }

    [Fact]
    public async Task AES_CBC_with_its_content_key_sent_by_RSA_OAEP_decrypts()
    {
        var raw = _messages.EncryptWithKeyOptions(SmimeMessages.Entity(), Support, "-aes256", "rsa_padding_mode:oaep");
        var keyring = new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } };

        var inspection = await InspectAsync(raw, keyring);

        Assert.Equal(("AES-256-CBC", (SecurityCode?)null), (inspection.Decryption!.Cipher, inspection.Decryption.Code));
        Assert.Contains("the printer is on fire.", inspection.Content.Body);
    }

    [Fact]
    public async Task Triple_DES_is_decrypted_with_a_warning()
    {
        var raw = _messages.Encrypt(SmimeMessages.Entity(), Support, "-des3");
        var keyring = new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } };

        var decryption = (await InspectAsync(raw, keyring)).Decryption!;

        Assert.Equal(("3DES", (SecurityCode?)null), (decryption.Cipher, decryption.Code));
        Assert.Contains("weak", Assert.Single(decryption.Warnings));
    }

    [Fact]
    public async Task Sign_then_encrypt_gives_both_facts_and_the_inner_content()
    {
        var signed = _messages.Sign(SmimeMessages.Entity(), Alice);
        var raw = _messages.Encrypt(signed, Support);
        var keyring = Trusting(Root.Certificate);
        keyring.SmimeKeys.Add(Decryption(Support));

        var inspection = await InspectAsync(raw, keyring);

        Assert.Null(inspection.Decryption!.Code);
        AssertValid(inspection.Signature, Alice);
        Assert.Contains("the printer is on fire.", inspection.Content.Body);
        Assert.Empty(inspection.Content.Attachments);
    }

    [Fact]
    public async Task Encrypt_inside_a_signature_is_decrypted_too()
    {
        var encrypted = _messages.Encrypt(SmimeMessages.Entity(), Support);
        var raw = _messages.Sign(encrypted, Alice, "-nodetach");
        var keyring = Trusting(Root.Certificate);
        keyring.SmimeKeys.Add(Decryption(Support));

        var inspection = await InspectAsync(raw, keyring);

        Assert.Null(inspection.Decryption!.Code);
        AssertValid(inspection.Signature, Alice);
        Assert.Contains("the printer is on fire.", inspection.Content.Body);
    }

    internal static void AssertValid(SignatureFacts? signature, TestCertificate signer)
    {
        Assert.NotNull(signature);
        Assert.Equal((MailSecuritySystem.SMIME, (SecurityCode?)null, (string?)null), (signature.System, signature.Code, signature.Detail));
        Assert.Equal(signer.Fingerprint, signature.SigningKeyFingerprint);
        Assert.Equal(signer.Fingerprint, signature.Certificate!.Fingerprint);
    }
}
