using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Smime;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>AES-GCM in authenticated enveloped-data (RFC 5083, 5084) made by OpenSSL, read back: each key size, RSA
/// PKCS#1 v1.5 and OAEP, sign-then-encrypt; a changed tag or ciphertext is never decrypted.</summary>
public sealed class SmimeGcmTests : IDisposable
{
    private static readonly TestCa Root = TestCa.Create("Inbound GCM Root CA");
    private static readonly TestCertificate Alice = Root.Issue("alice@example.com");
    private static readonly TestCertificate Support = Root.Issue("support@example.com");

    private readonly SmimeMessages _messages = new();

    public void Dispose() => _messages.Dispose();

    [Theory]
    [InlineData("-aes-256-gcm", "AES-256-GCM")]
    [InlineData("-aes-128-gcm", "AES-128-GCM")]
    [InlineData("-aes-192-gcm", "AES-192-GCM", "rsa_padding_mode:oaep")]
    [InlineData("-aes-256-gcm", "AES-256-GCM", "rsa_padding_mode:oaep", "rsa_oaep_md:sha256", "rsa_mgf1_md:sha256")]
    public async Task OpenSSL_AES_GCM_decrypts_to_the_exact_plaintext_and_names_its_cipher(string option, string cipher,
        params string[] keyOptions)
    {
        var raw = _messages.EncryptWithKeyOptions(SmimeMessages.Entity(), Support, option, keyOptions);

        var inspection = await InspectAsync(raw, new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } });

        Assert.Equal((MailSecuritySystem.SMIME, (string?)Support.Fingerprint, (string?)cipher, (SecurityCode?)null),
            (inspection.Decryption!.System, inspection.Decryption.KeyFingerprint, inspection.Decryption.Cipher, inspection.Decryption.Code));
        Assert.Empty(inspection.Decryption.Warnings);
        Assert.Equal(SmimeMessages.Text, inspection.Content.Body.Replace("\r\n", "\n").Replace("\n", "\r\n"));
    }

    [Fact]
    public async Task A_recipient_named_by_subject_key_identifier_is_found()
    {
        var raw = _messages.Encrypt(SmimeMessages.Entity(), Support, "-aes-128-gcm", "-keyid");

        var decryption = (await InspectAsync(raw, new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } })).Decryption!;

        Assert.Equal(("AES-128-GCM", (SecurityCode?)null), (decryption.Cipher, decryption.Code));
    }

    [Fact]
    public async Task Sign_then_encrypt_with_GCM_gives_decrypted_and_a_valid_signature()
    {
        var raw = _messages.Encrypt(_messages.Sign(SmimeMessages.Entity(), Alice), Support, "-aes-256-gcm");
        var keyring = Trusting(Root.Certificate);
        keyring.SmimeKeys.Add(Decryption(Support));

        var inspection = await InspectAsync(raw, keyring);

        Assert.Equal(("AES-256-GCM", (SecurityCode?)null), (inspection.Decryption!.Cipher, inspection.Decryption.Code));
        SmimeOpenSslTests.AssertValid(inspection.Signature, Alice);
        Assert.Contains("the printer is on fire.", inspection.Content.Body);
    }

    [Fact]
    public async Task A_flipped_tag_or_ciphertext_byte_is_failed_and_shows_nothing()
    {
        var raw = _messages.Encrypt(SmimeMessages.Entity(), Support, "-aes-256-gcm");
        var keyring = new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } };
        Assert.Null((await InspectAsync(raw, keyring)).Decryption!.Code);

        foreach (var tampered in new[]
                 {
                     AuthEnvelopedMail.Flipped(raw, d => d.Mac.GetOctets()),
                     AuthEnvelopedMail.Flipped(raw, d => d.AuthEncryptedContentInfo.EncryptedContent.GetOctets()),
                 })
        {
            var inspection = await InspectAsync(tampered, keyring);

            Assert.Equal((SecurityCode.NoIntegrity, (string?)Support.Fingerprint, (string?)"AES-256-GCM"),
                (inspection.Decryption!.Code, inspection.Decryption.KeyFingerprint, inspection.Decryption.Cipher));
            Assert.Contains("authentication tag", inspection.Decryption.Detail);
            Assert.Equal(("", 0), (inspection.Content.Body, inspection.Content.Attachments.Count));
        }
    }

    [Fact]
    public async Task GCM_mail_for_a_key_we_do_not_hold_is_unable_to_find_the_private_key()
    {
        var raw = _messages.Encrypt(SmimeMessages.Entity(), Alice, "-aes-256-gcm");

        var inspection = await InspectAsync(raw, new InMemoryInboundKeyring { SmimeKeys = { Decryption(Support) } });

        Assert.Equal(SecurityCode.NoPrivateKey, inspection.Decryption!.Code);
        Assert.Equal("Unable to find private key to decrypt",
            Assert.IsType<DecryptionFailed>(Verdict.Decryption(Guid.Empty, Guid.Empty, inspection.Decryption, DateTimeOffset.UtcNow)).Message);
        Assert.Equal(("", 0), (inspection.Content.Body, inspection.Content.Attachments.Count));
    }
}
