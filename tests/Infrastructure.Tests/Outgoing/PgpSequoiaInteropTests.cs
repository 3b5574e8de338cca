using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>What the composer sends, opened by Sequoia's sq, an OpenPGP implementation that shares no code with gpg or
/// BouncyCastle. sq is given only the reader's secret key (unprotected, as the keystore's reader returns it) and the
/// signer's certificate; with a signer's certificate it fails unless a good signature by it is there.</summary>
[Collection(GpgMailKeysCollection.Name)]
public sealed class PgpSequoiaInteropTests(GpgMailKeys keys) : IDisposable
{
    private readonly Sequoia _sq = new();
    private readonly MimeKitOutgoingMailComposer _composer = new();

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void A_signed_mail_verifies_over_the_exact_signed_part(string kind)
    {
        var signer = keys[kind];
        var composed = _composer.Compose(OutgoingMessages.WithAttachments(signer.Email), new PgpProtection(signer.Signer, []));

        var (signedPart, signature) = PgpMimeParts.Signed(composed.Raw);
        var verified = _sq.VerifyDetached(signature, signedPart, signer.PublicKeyRing);

        AssertGoodSignature(verified, signer);
        var content = MimeContent.Read(signedPart);
        Assert.Equal(OutgoingMessages.Body, content.Text);
        OutgoingMessages.AssertAttachments(content);
        var altered = _sq.VerifyDetached(signature, [.. signedPart[..^1], (byte)(signedPart[^1] ^ 1)], signer.PublicKeyRing);
        Assert.NotEqual(0, altered.ExitCode);
        Assert.Empty(altered.GoodSignatures);
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void An_encrypted_mail_decrypts_to_the_bytes_gpg_sees_with_the_recorded_cipher(string kind)
    {
        var recipient = keys[kind];
        var composed = _composer.Compose(OutgoingMessages.WithAttachments(), new PgpProtection(null, [recipient.Recipient]));
        var payload = PgpMimeParts.EncryptedPayload(composed.Raw);

        var decrypted = _sq.Decrypt(payload, recipient.SecretKeyRing);

        Assert.True(decrypted.ExitCode == 0, decrypted.Log);
        Assert.Empty(decrypted.GoodSignatures);
        Assert.Equal(composed.Cipher, decrypted.Cipher);
        using var gpg = new GpgSession(recipient.Gpg);
        Assert.Equal(gpg.Decrypt(payload), decrypted.Output);
        var content = MimeContent.Read(decrypted.Output);
        Assert.Equal(OutgoingMessages.Body, content.Text);
        OutgoingMessages.AssertAttachments(content);
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void A_signed_and_encrypted_mail_decrypts_and_verifies(string kind)
    {
        var key = keys[kind];
        var composed = _composer.Compose(OutgoingMessages.WithAttachments(key.Email), new PgpProtection(key.Signer, [key.Recipient]));

        var decrypted = _sq.Decrypt(PgpMimeParts.EncryptedPayload(composed.Raw), key.SecretKeyRing, key.PublicKeyRing);

        AssertGoodSignature(decrypted, key);
        Assert.Equal(composed.Cipher, decrypted.Cipher);
        var content = MimeContent.Read(decrypted.Output);
        Assert.Equal(OutgoingMessages.Body, content.Text);
        OutgoingMessages.AssertAttachments(content);
        Assert.Equal(("SHA-256", "AES-256", key.SigningFingerprint), (composed.DigestAlgorithm, composed.Cipher, composed.SignerKeyFingerprint));
    }

    public void Dispose() => _sq.Dispose();

    /// <summary>sq names the key that made the signature by its key id, the last 16 hex digits of its fingerprint.</summary>
    private static void AssertGoodSignature(SequoiaResult result, GpgMailKey signer)
    {
        Assert.True(result.ExitCode == 0, result.Log);
        Assert.Equal([signer.SigningFingerprint[^16..]], result.GoodSignatures);
        Assert.Contains("1 good signature.", result.Log);
        Assert.DoesNotContain("bad", result.Log, StringComparison.OrdinalIgnoreCase);
    }
}
