using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.TestKit.Outgoing;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>What the composer sends, opened by gpg 2.2: the detached signature verifies over the exact bytes of the
/// signed part, encrypted data comes out with integrity protection (MDC) and AES-256 (gpg's cipher id 9).</summary>
[Collection(GpgMailKeysCollection.Name)]
public sealed class PgpGpgInteropTests(GpgMailKeys keys)
{
    private const string Aes256 = "9";
    private readonly MimeKitOutgoingMailComposer _composer = new();

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void A_signed_mail_verifies_with_gpg_over_the_exact_signed_part(string kind)
    {
        var signer = keys[kind];
        var composed = _composer.Compose(OutgoingMessages.WithAttachments(signer.Email), new PgpProtection(signer.Signer, []));

        var contentType = RawMime.Header(composed.Raw, "Content-Type")!;
        Assert.StartsWith("multipart/signed", contentType);
        Assert.Contains("protocol=\"application/pgp-signature\"", contentType);
        Assert.Contains("micalg=pgp-sha256", contentType);
        var parts = RawMime.Parts(composed.Raw);
        Assert.Equal(2, parts.Count);
        Assert.True(RawMime.HasOnlyCrlfLineEnds(parts[0]));
        Assert.StartsWith("application/pgp-signature", RawMime.Header(parts[1], "Content-Type"));

        using var gpg = new GpgSession(signer.Gpg);
        gpg.VerifyDetached(RawMime.Body(parts[1]), parts[0]);

        AssertGoodSignature(gpg, signer);
        OutgoingMessages.AssertAttachments(MimeContent.Read(parts[0]));
        Assert.Equal(OutgoingMessages.Body, MimeContent.Read(parts[0]).Text);
        Assert.Equal(("SHA-256", (string?)null, signer.SigningFingerprint), (composed.DigestAlgorithm, composed.Cipher, composed.SignerKeyFingerprint));
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void An_encrypted_mail_decrypts_with_integrity_protection_and_AES_256(string kind)
    {
        var recipient = keys[kind];
        var composed = _composer.Compose(OutgoingMessages.WithAttachments(), new PgpProtection(null, [recipient.Recipient]));

        using var gpg = new GpgSession(recipient.Gpg);
        var content = MimeContent.Read(gpg.Decrypt(PgpMimeParts.EncryptedPayload(composed.Raw)));

        AssertIntegrityProtectedAes256(gpg);
        Assert.Equal([recipient.EncryptionKeyId], gpg.StatusLines("ENC_TO").Select(f => f[0]));
        Assert.Null(gpg.StatusLine("GOODSIG"));
        Assert.Equal(OutgoingMessages.Body, content.Text);
        OutgoingMessages.AssertAttachments(content);
        Assert.Equal(((string?)null, "AES-256", (string?)null), (composed.DigestAlgorithm, composed.Cipher, composed.SignerKeyFingerprint));
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void A_signed_and_encrypted_mail_decrypts_and_verifies_in_one_pass(string kind)
    {
        var key = keys[kind];
        var composed = _composer.Compose(OutgoingMessages.WithAttachments(key.Email), new PgpProtection(key.Signer, [key.Recipient]));

        using var gpg = new GpgSession(key.Gpg);
        var content = MimeContent.Read(gpg.Decrypt(PgpMimeParts.EncryptedPayload(composed.Raw)));

        AssertIntegrityProtectedAes256(gpg);
        AssertGoodSignature(gpg, key);
        Assert.Equal(OutgoingMessages.Body, content.Text);
        OutgoingMessages.AssertAttachments(content);
        Assert.Equal(("SHA-256", "AES-256", key.SigningFingerprint), (composed.DigestAlgorithm, composed.Cipher, composed.SignerKeyFingerprint));
    }

    [Fact]
    public void Each_of_two_recipients_decrypts_with_their_own_key_and_sees_the_signature()
    {
        var signer = keys.SigningSubkey;
        var composed = _composer.Compose(OutgoingMessages.Simple(signer.Email, keys.Rsa.Email, keys.Curve25519.Email),
            new PgpProtection(signer.Signer, [keys.Rsa.Recipient, keys.Curve25519.Recipient]));

        foreach (var recipient in new[] { keys.Rsa, keys.Curve25519 })
        {
            using var gpg = new GpgSession(recipient.Gpg);
            var content = MimeContent.Read(gpg.Decrypt(PgpMimeParts.EncryptedPayload(composed.Raw)));

            AssertIntegrityProtectedAes256(gpg);
            AssertGoodSignature(gpg, signer);
            Assert.Equal(OutgoingMessages.Body, content.Text);
            Assert.Equal(new[] { keys.Rsa.EncryptionKeyId, keys.Curve25519.EncryptionKeyId }.Order(), gpg.StatusLines("ENC_TO").Select(f => f[0]).Order());
        }
    }

    [Fact]
    public void A_signing_subkey_signs_and_is_the_reported_signer()
    {
        var signer = keys.SigningSubkey;
        var composed = _composer.Compose(OutgoingMessages.Simple(signer.Email), new PgpProtection(signer.Signer, []));

        var parts = RawMime.Parts(composed.Raw);
        using var gpg = new GpgSession(keys.Rsa.Gpg);
        gpg.VerifyDetached(RawMime.Body(parts[1]), parts[0]);

        AssertGoodSignature(gpg, signer);
        Assert.NotEqual(signer.Fingerprint, signer.SigningFingerprint);
        Assert.Equal(signer.SigningFingerprint, composed.SignerKeyFingerprint);
    }

    [Fact]
    public void An_expired_encryption_subkey_is_passed_over_for_the_current_one()
    {
        var recipient = keys.ExpiredSubkey;
        var composed = _composer.Compose(OutgoingMessages.Simple(), new PgpProtection(null, [recipient.Recipient]));

        using var gpg = new GpgSession(recipient.Gpg);
        gpg.Decrypt(PgpMimeParts.EncryptedPayload(composed.Raw));

        Assert.Equal([recipient.EncryptionKeyId], gpg.StatusLines("ENC_TO").Select(f => f[0]));
    }

    private static void AssertIntegrityProtectedAes256(GpgSession gpg)
    {
        Assert.NotNull(gpg.StatusLine("DECRYPTION_OKAY"));
        Assert.NotNull(gpg.StatusLine("GOODMDC"));
        var info = gpg.StatusLine("DECRYPTION_INFO");
        Assert.NotNull(info);
        Assert.NotEqual("0", info[0]); // MDC method: 0 would mean no integrity protection
        Assert.Equal(Aes256, info[1]);
        Assert.DoesNotContain("not integrity protected", gpg.Log);
    }

    /// <summary>VALIDSIG: the fingerprint of the key that signed, ..., and last the primary key's fingerprint.</summary>
    private static void AssertGoodSignature(GpgSession gpg, GpgMailKey signer)
    {
        Assert.NotNull(gpg.StatusLine("GOODSIG"));
        Assert.Null(gpg.StatusLine("BADSIG"));
        var valid = gpg.StatusLine("VALIDSIG");
        Assert.NotNull(valid);
        Assert.Equal(signer.SigningFingerprint, valid[0]);
        Assert.Equal(signer.Fingerprint, valid[^1]);
        Assert.Equal("8", valid[7]); // hash algorithm 8 = SHA-256
    }
}
