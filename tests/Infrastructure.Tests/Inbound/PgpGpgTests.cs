using System.Text;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.Infrastructure.Tests.Outgoing;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>OpenPGP made by gpg 2.2 (inline) and by our composer (PGP/MIME), RSA and Ed25519/Cv25519, read back.</summary>
[Collection(GpgMailKeysCollection.Name)]
public sealed class PgpGpgTests(GpgMailKeys keys)
{
    [Theory]
    [InlineData("rsa2048", "ed25519/cv25519")]
    [InlineData("ed25519/cv25519", "rsa2048")]
    public async Task Inline_sign_and_encrypt_from_gpg_decrypts_and_verifies(string from, string to)
    {
        var (sender, recipient) = (keys[from], keys[to]);
        var raw = PgpMail.Inline(PgpMail.SignAndEncrypt(sender, recipient));

        var inspection = await InspectAsync(raw, PgpMail.Keyring(recipient, sender));

        Assert.Equal((MailSecuritySystem.PGP, (string?)recipient.Fingerprint, (SecurityCode?)null),
            (inspection.Decryption!.System, inspection.Decryption.KeyFingerprint, inspection.Decryption.Code));
        Assert.StartsWith("AES", inspection.Decryption.Cipher);
        AssertValid(inspection.Signature, sender, sender.SigningFingerprint);
        Assert.Equal(PgpMail.Text, inspection.Content.Body);
    }

    [Fact]
    public async Task Clear_signed_inline_text_verifies_after_RFC_4880_canonicalization()
    {
        var sender = keys.Rsa;
        var inspection = await InspectAsync(PgpMail.Inline(PgpMail.ClearSign(sender)), PgpMail.Keyring(null, sender));

        Assert.Null(inspection.Decryption);
        AssertValid(inspection.Signature, sender, sender.SigningFingerprint);
        Assert.Contains("- a line starting with a dash", inspection.Content.Body);
    }

    [Fact]
    public async Task A_clear_signed_message_from_a_signing_subkey_names_the_subkey()
    {
        var sender = keys.SigningSubkey;
        var signature = (await InspectAsync(PgpMail.Inline(PgpMail.ClearSign(sender)), PgpMail.Keyring(null, sender))).Signature;

        AssertValid(signature, sender, sender.SigningFingerprint);
        Assert.NotEqual(sender.Fingerprint, sender.SigningFingerprint);
    }

    [Fact]
    public async Task A_changed_clear_signed_text_is_a_bad_signature()
    {
        var sender = keys.Curve25519;
        var raw = PgpMail.Inline(PgpMail.ClearSign(sender).Replace("Hello helpdesk", "Hello attacker"));

        var signature = (await InspectAsync(raw, PgpMail.Keyring(null, sender))).Signature!;

        Assert.Equal(SecurityCode.BadSignature, signature.Code);
        Assert.Equal(sender.Fingerprint, signature.PgpKey!.Fingerprint);
    }

    [Fact]
    public async Task An_inline_signed_message_verifies_without_decryption()
    {
        var sender = keys.Rsa;
        var inspection = await InspectAsync(PgpMail.Inline(PgpMail.Sign(sender)), PgpMail.Keyring(null, sender));

        Assert.Null(inspection.Decryption);
        AssertValid(inspection.Signature, sender, sender.SigningFingerprint);
        Assert.Equal(PgpMail.Text, inspection.Content.Body);
    }

    [Fact]
    public async Task A_signer_not_in_the_keystore_is_unknown()
    {
        var signature = (await InspectAsync(PgpMail.Inline(PgpMail.ClearSign(keys.Rsa)), PgpMail.Keyring(null, keys.Curve25519))).Signature!;

        Assert.Equal(SecurityCode.UnknownSigner, signature.Code);
    }

    [Fact]
    public async Task Mail_encrypted_to_another_key_is_not_decrypted()
    {
        var raw = PgpMail.Inline(PgpMail.SignAndEncrypt(keys.Rsa, keys.Curve25519));

        var inspection = await InspectAsync(raw, PgpMail.Keyring(keys.SigningSubkey, keys.Rsa));

        Assert.Equal(SecurityCode.NoPrivateKey, inspection.Decryption!.Code);
        Assert.Null(inspection.Signature);
        Assert.Equal("", inspection.Content.Body);
    }

    [Theory]
    [InlineData("Please see below.\n\n", "\n")]
    [InlineData("", "\nP.S. unsigned postscript\n")]
    public async Task Half_an_inline_body_is_not_a_security_layer(string before, string after)
    {
        var raw = PgpMail.Inline(PgpMail.SignAndEncrypt(keys.Rsa, keys.Curve25519), before, after);
        var keyring = PgpMail.Keyring(keys.Curve25519, keys.Rsa);

        var inspection = await InspectAsync(raw, keyring);

        Assert.Equal((null, null), (inspection.Decryption, inspection.Signature));
        Assert.Empty(keyring.Asked);
    }

    [Theory]
    [InlineData("rsa2048", "ed25519/cv25519")]
    [InlineData("ed25519/cv25519", "rsa2048")]
    public async Task PGP_MIME_from_our_composer_round_trips(string from, string to)
    {
        var (sender, recipient) = (keys[from], keys[to]);
        var message = OutgoingMessages.WithAttachments(sender.Email);
        var composed = new MimeKitOutgoingMailComposer().Compose(message, new PgpProtection(sender.Signer, [recipient.Recipient]));

        var inspection = await InspectAsync(composed.Raw, PgpMail.Keyring(recipient, sender));

        Assert.Equal((composed.Cipher, (SecurityCode?)null), (inspection.Decryption!.Cipher, inspection.Decryption.Code));
        AssertValid(inspection.Signature, sender, composed.SignerKeyFingerprint!);
        Assert.Equal("SHA-256", inspection.Signature!.Digest);
        ComposerRoundTripTests.AssertContent(message, composed, inspection.Content);
    }

    [Fact]
    public async Task PGP_MIME_signed_only_verifies_and_a_changed_body_does_not()
    {
        var sender = keys.SigningSubkey;
        var message = OutgoingMessages.WithAttachments(sender.Email);
        var composed = new MimeKitOutgoingMailComposer().Compose(message, new PgpProtection(sender.Signer, []));
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(composed.Raw).Replace("Content-Type: text/plain", "Content-Type: text/html"));

        var inspection = await InspectAsync(composed.Raw, PgpMail.Keyring(null, sender));

        AssertValid(inspection.Signature, sender, sender.SigningFingerprint);
        ComposerRoundTripTests.AssertContent(message, composed, inspection.Content);
        Assert.Equal(SecurityCode.BadSignature, (await InspectAsync(tampered, PgpMail.Keyring(null, sender))).Signature!.Code);
    }

    private static void AssertValid(SignatureFacts? signature, GpgMailKey signer, string signingFingerprint)
    {
        Assert.NotNull(signature);
        Assert.Equal((MailSecuritySystem.PGP, (SecurityCode?)null, (string?)null), (signature.System, signature.Code, signature.Detail));
        Assert.Equal(signer.Fingerprint, signature.PgpKey!.Fingerprint);
        Assert.Equal(signingFingerprint, signature.SigningKeyFingerprint);
        Assert.NotNull(signature.SignedAt);
    }
}
