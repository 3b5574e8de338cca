using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

public sealed class TestKeyFactsTests
{
    private readonly BouncyCastlePgpKeyMaterialReader _reader = new();

    [Fact]
    public void A_test_key_has_a_signing_primary_and_an_encryption_subkey()
    {
        var key = PgpTestKeys.Create("Carol Test", "Carol@Example.com");

        var facts = Assert.Single(_reader.ReadKeys(Encoding.ASCII.GetBytes(key.PublicKeyArmored()), null)).Facts;

        Assert.Equal(key.Fingerprint, facts.Fingerprint);
        Assert.Equal(key.KeyId, facts.KeyId);
        Assert.Equal(["Carol Test <Carol@Example.com>"], facts.UserIds);
        Assert.Equal(["carol@example.com"], facts.Emails);
        Assert.Equal(key.CreatedAt, facts.CreatedAt);
        Assert.Null(facts.ExpiresAt);
        Assert.False(facts.Revoked);
        Assert.Equal(("RSA", 2048), (facts.Algorithm, facts.KeySize));
        Assert.Equal(["certify", "sign"], facts.KeyFlags);
        var subkey = Assert.Single(facts.Subkeys);
        Assert.Equal(key.EncryptionSubkeyFingerprint, subkey.Fingerprint);
        Assert.Equal(["encryptCommunications", "encryptStorage"], subkey.KeyFlags);
    }

    [Fact]
    public void Every_test_key_has_its_own_fingerprint()
    {
        var first = PgpTestKeys.Create("Dan", "dan@example.com");
        var second = PgpTestKeys.Create("Dan", "dan@example.com");

        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void Expiry_in_the_future_and_in_the_past()
    {
        var future = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(90).ToUnixTimeSeconds());
        var past = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds());

        var valid = Facts(PgpTestKeys.Create("Erin", "erin@example.com", expiresAt: future));
        var expired = Facts(PgpTestKeys.Create("Erin", "erin@example.com", expiresAt: past));

        Assert.Equal(future, valid.ExpiresAt);
        Assert.Equal(future, valid.Subkeys[0].ExpiresAt);
        Assert.Equal(past, expired.ExpiresAt);
        Assert.True(expired.CreatedAt < past);
    }

    [Fact]
    public void A_revoked_test_key_is_revoked_in_both_exports()
    {
        var key = PgpTestKeys.Create("Frank", "frank@example.com", revoked: true);

        Assert.True(Facts(key).Revoked);
        Assert.True(Assert.Single(_reader.ReadKeys(Encoding.ASCII.GetBytes(key.SecretKeyArmored()), key.Passphrase)).Facts.Revoked);
    }

    [Fact]
    public void The_secret_export_opens_with_its_passphrase_only()
    {
        var key = PgpTestKeys.Create("Grace", "grace@example.com");
        var secret = Encoding.ASCII.GetBytes(key.SecretKeyArmored());

        Assert.StartsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----", key.SecretKeyArmored());
        var material = Assert.Single(_reader.ReadKeys(secret, PgpTestKeys.DefaultPassphrase));
        Assert.All(new PgpSecretKeyRing(material.SecretKeyRing!).GetSecretKeys(),
            k => Assert.Equal(SymmetricKeyAlgorithmTag.Null, k.KeyEncryptionAlgorithm));
        Assert.Equal(KeyMaterialProblem.WrongPassword,
            Assert.Throws<KeyMaterialRejected>(() => _reader.ReadKeys(secret, "guess")).Problem);
        Assert.Equal(KeyMaterialProblem.PasswordRequired,
            Assert.Throws<KeyMaterialRejected>(() => _reader.ReadKeys(secret, null)).Problem);
    }

    [Fact]
    public void Secret_exports_without_passphrase_or_with_another_one()
    {
        var key = PgpTestKeys.Create("Heidi", "heidi@example.com");

        Assert.NotNull(Assert.Single(_reader.ReadKeys(Encoding.ASCII.GetBytes(key.SecretKeyArmored(null)), null)).SecretKeyRing);
        Assert.NotNull(Assert.Single(_reader.ReadKeys(Encoding.ASCII.GetBytes(key.SecretKeyArmored("pässword")), "pässword")).SecretKeyRing);
        Assert.NotNull(Assert.Single(_reader.ReadKeys(Encoding.ASCII.GetBytes(
            PgpTestKeys.Create("Ivan", "ivan@example.com", passphrase: null).SecretKeyArmored()), null)).SecretKeyRing);
    }

    [Fact]
    public void The_test_key_round_trips_a_signature()
    {
        var key = PgpTestKeys.Create("Judy", "judy@example.com");
        var generator = new PgpSignatureGenerator(PublicKeyAlgorithmTag.RsaGeneral, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.BinaryDocument, key.PrivateSigningKey());
        generator.Update("hello"u8.ToArray());
        var signature = generator.Generate();

        signature.InitVerify(key.PublicKeyRing.GetPublicKey());
        signature.Update("hello"u8.ToArray());
        Assert.True(signature.Verify());
        Assert.NotNull(key.PrivateEncryptionKey());
    }

    private Domain.Keystore.PgpKeyFacts Facts(PgpTestKey key) =>
        Assert.Single(_reader.ReadKeys(key.PublicKeyBinary(), null)).Facts;
}
