using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Tickets;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Outgoing;

[Collection(GpgMailKeysCollection.Name)]
public sealed class PgpKeyProblemTests(GpgMailKeys keys)
{
    private readonly MimeKitOutgoingMailComposer _composer = new();

    [Fact]
    public void Key_flags_decide_not_the_algorithm_an_RSA_key_flagged_for_signing_only_gets_no_mail()
    {
        var failed = Encrypt(keys.RsaSignOnly.Recipient);
        Assert.Equal((KeyProblem.NoUsableKey, keys.RsaSignOnly.Recipient.Email), (failed.Failure.Problem, failed.Failure.Email));
        Assert.Contains("no usable encryption subkey", failed.Message);
    }

    [Fact]
    public void A_revoked_key_is_refused()
    {
        var key = PgpTestKeys.Create("Gone", "gone@example.org", passphrase: null, revoked: true);

        Assert.Contains("revoked", Encrypt(new PgpRecipient(key.Email, key.Fingerprint, key.PublicKeyBinary())).Message);
    }

    [Fact]
    public void An_expired_key_is_refused()
    {
        var key = PgpTestKeys.Create("Old", "old@example.org", passphrase: null, expiresAt: DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Contains("expired", Encrypt(new PgpRecipient(key.Email, key.Fingerprint, key.PublicKeyBinary())).Message);
    }

    [Fact]
    public void A_revoked_encryption_subkey_is_not_used()
    {
        var key = PgpTestKeys.Create("Sub Gone", "subgone@example.org", passphrase: null);
        var beforeRevocation = _composer.Compose(OutgoingMessages.Simple(),
            new PgpProtection(null, [new PgpRecipient(key.Email, key.Fingerprint, key.PublicKeyBinary())]));
        Assert.Equal("AES-256", beforeRevocation.Cipher);
        var primary = key.PublicKeyRing.GetPublicKey();
        var generator = new PgpSignatureGenerator(primary.Algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.SubkeyRevocation, key.PrivateSigningKey());
        var subpackets = new PgpSignatureSubpacketGenerator();
        subpackets.SetSignatureCreationTime(false, DateTime.UtcNow);
        generator.SetHashedSubpackets(subpackets.Generate());
        var revoked = PgpPublicKey.AddCertification(key.EncryptionSubkey, generator.GenerateCertification(primary, key.EncryptionSubkey));
        var ring = PgpPublicKeyRing.InsertPublicKey(key.PublicKeyRing, revoked);

        Assert.Contains("no usable encryption subkey", Encrypt(new PgpRecipient(key.Email, key.Fingerprint, ring.GetEncoded())).Message);
    }

    [Fact]
    public void A_damaged_public_key_is_refused() =>
        Assert.Contains("could not be read",
            Encrypt(keys.Rsa.Recipient with { PublicKeyRing = Encoding.ASCII.GetBytes("not a key") }).Message);

    [Fact]
    public void A_secret_key_still_protected_by_a_passphrase_cannot_sign()
    {
        var key = PgpTestKeys.Create("Locked", "locked@example.org");

        Assert.Contains("still protected", Sign(new PgpSigner(key.Fingerprint, key.SecretKeyRing.GetEncoded())).Message);
    }

    [Fact]
    public void A_secret_key_without_the_secret_of_its_signing_key_cannot_sign()
    {
        var subkeysOnly = Encoding.ASCII.GetBytes(keys.Rsa.Gpg.ExportSecretSubkeysArmored(keys.Rsa.Fingerprint));
        var material = Assert.Single(new BouncyCastlePgpKeyMaterialReader().ReadKeys(subkeysOnly, Gpg.DefaultPassphrase));

        Assert.Contains("no secret part", Sign(new PgpSigner(keys.Rsa.Fingerprint, material.SecretKeyRing!)).Message);
    }

    [Fact]
    public void A_damaged_secret_key_cannot_sign() =>
        Assert.Contains("could not be read", Sign(keys.Rsa.Signer with { SecretKeyRing = keys.Rsa.SecretKeyRing[..30] }).Message);

    [Fact]
    public void A_public_key_given_as_the_signer_cannot_sign() =>
        Sign(new PgpSigner(keys.Rsa.Fingerprint, keys.Rsa.PublicKeyRing));

    private MailSecurityFailed Encrypt(PgpRecipient recipient)
    {
        var failed = Assert.Throws<MailSecurityFailed>(() =>
            _composer.Compose(OutgoingMessages.Simple(), new PgpProtection(keys.Curve25519.Signer, [keys.Curve25519.Recipient, recipient])));
        Assert.Equal(SecurityOperation.Encrypt, failed.Operation);
        return failed;
    }

    private MailSecurityFailed Sign(PgpSigner signer)
    {
        var failed = Assert.Throws<MailSecurityFailed>(() => _composer.Compose(OutgoingMessages.Simple(), new PgpProtection(signer, [])));
        Assert.Equal(SecurityOperation.Sign, failed.Operation);
        return failed;
    }
}
