using System.Diagnostics;
using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

[Collection(GpgKeysCollection.Name)]
public sealed class GpgSecretKeyTests(GpgKeys keys)
{
    private readonly BouncyCastlePgpKeyMaterialReader _reader = new();

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void A_secret_key_opens_with_its_passphrase_and_comes_back_without_S2K(string kind)
    {
        var key = keys[kind];

        var material = Assert.Single(_reader.ReadKeys(key.SecretArmoredBytes, Gpg.DefaultPassphrase));

        var publicFacts = Assert.Single(_reader.ReadKeys(key.PublicArmoredBytes, null)).Facts;
        Assert.Equivalent(publicFacts, material.Facts, strict: true);
        var ring = new PgpSecretKeyRing(material.SecretKeyRing!);
        Assert.Equal(key.Fingerprint, Convert.ToHexString(ring.GetPublicKey().GetFingerprint()));
        var secretKeys = ring.GetSecretKeys().ToList();
        Assert.Equal(2, secretKeys.Count);
        Assert.All(secretKeys, k =>
        {
            Assert.Equal(SymmetricKeyAlgorithmTag.Null, k.KeyEncryptionAlgorithm);
            Assert.Equal(0, k.S2kUsage);
            Assert.Null(k.S2k);
        });
        AssertOpensFasterThan(secretKeys, new PgpSecretKeyRing(Armor.Decode(key.SecretArmored)));
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void A_wrong_passphrase_is_refused_without_echoing_it(string kind)
    {
        var rejected = Assert.Throws<KeyMaterialRejected>(() =>
            _reader.ReadKeys(keys[kind].SecretArmoredBytes, "not the passphrase"));

        Assert.Equal(KeyMaterialProblem.WrongPassword, rejected.Problem);
        Assert.DoesNotContain("not the passphrase", rejected.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_protected_secret_key_without_passphrase_needs_one(string? passphrase)
    {
        var rejected = Assert.Throws<KeyMaterialRejected>(() =>
            _reader.ReadKeys(keys.Curve25519.Value.SecretArmoredBytes, passphrase));

        Assert.Equal(KeyMaterialProblem.PasswordRequired, rejected.Problem);
    }

    [Fact]
    public void A_passphrase_beyond_ascii_is_taken_as_utf8_like_gpg_does()
    {
        const string passphrase = "pässwörd ✓";
        var fingerprint = keys.Gpg.GenerateKey("Umlaut Key <umlaut@example.net>", "ed25519", "sign", "never", passphrase);
        var exported = Encoding.ASCII.GetBytes(keys.Gpg.ExportSecretArmored(fingerprint, passphrase));

        Assert.NotNull(Assert.Single(_reader.ReadKeys(exported, passphrase)).SecretKeyRing);
        Assert.Equal(KeyMaterialProblem.WrongPassword,
            Assert.Throws<KeyMaterialRejected>(() => _reader.ReadKeys(exported, "passwoerd ✓")).Problem);
    }

    [Fact]
    public void An_unprotected_gpg_secret_key_needs_no_passphrase()
    {
        var fingerprint = keys.Gpg.GenerateKey("Open Key <open@example.net>", "ed25519", "sign", "never", passphrase: null);
        keys.Gpg.AddSubkey(fingerprint, "cv25519", "encr", "never", passphrase: null);

        var material = Assert.Single(_reader.ReadKeys(Encoding.ASCII.GetBytes(keys.Gpg.ExportSecretArmored(fingerprint, null)), null));

        Assert.Equal(fingerprint, material.Facts.Fingerprint);
        Assert.All(new PgpSecretKeyRing(material.SecretKeyRing!).GetSecretKeys(), k => Assert.NotNull(k.ExtractPrivateKey([])));
    }

    [Fact]
    public void Exported_secret_subkeys_with_a_stub_primary_are_taken()
    {
        var key = keys.Curve25519.Value;
        var exported = Encoding.ASCII.GetBytes(keys.Gpg.ExportSecretSubkeysArmored(key.Fingerprint));

        var material = Assert.Single(_reader.ReadKeys(exported, Gpg.DefaultPassphrase));

        var ring = new PgpSecretKeyRing(material.SecretKeyRing!);
        Assert.True(ring.GetSecretKey().IsPrivateKeyEmpty);
        var subkey = ring.GetSecretKeys().Single(k => !k.IsMasterKey);
        Assert.Equal(SymmetricKeyAlgorithmTag.Null, subkey.KeyEncryptionAlgorithm);
        Assert.NotNull(subkey.ExtractPrivateKey([]));
        Assert.Equal(key.SubkeyFingerprint, Assert.Single(material.Facts.Subkeys).Fingerprint);
    }

    [Fact]
    public void Stubs_alone_are_not_a_usable_secret_key()
    {
        var key = keys.Curve25519.Value;
        var stubsOnly = new PgpSecretKeyRing(Armor.Decode(keys.Gpg.ExportSecretSubkeysArmored(key.Fingerprint)));
        stubsOnly = PgpSecretKeyRing.RemoveSecretKey(stubsOnly, stubsOnly.GetSecretKeys().Single(k => !k.IsMasterKey));

        var rejected = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadKeys(stubsOnly.GetEncoded(), Gpg.DefaultPassphrase));

        Assert.Equal(KeyMaterialProblem.Unsupported, rejected.Problem);
    }

    [Fact]
    public void An_encrypted_message_or_a_signature_is_not_a_key()
    {
        var key = keys.Curve25519.Value;
        var message = keys.Gpg.EncryptArmored(key.Fingerprint, "hello");
        var signature = keys.Gpg.DetachSignArmored(key.Fingerprint, "hello");

        foreach (var input in new[] { message, signature })
        {
            var rejected = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadKeys(Encoding.ASCII.GetBytes(input), null));
            Assert.Equal(KeyMaterialProblem.Unreadable, rejected.Problem);
            Assert.Contains("not a key", rejected.Message);
        }
    }

    /// <summary>Opening an S2K-protected key costs hundreds of milliseconds, an unprotected one a few. Measured
    /// against the protected original rather than a fixed bound, so that a loaded machine does not fail the test.</summary>
    private static void AssertOpensFasterThan(IReadOnlyList<PgpSecretKey> unprotected, PgpSecretKeyRing original)
    {
        Assert.All(unprotected, k => Assert.NotNull(k.ExtractPrivateKey([])));
        var clock = Stopwatch.StartNew();
        Assert.All(unprotected, k => Assert.NotNull(k.ExtractPrivateKey([])));
        var fast = clock.Elapsed;
        clock.Restart();
        Assert.All(original.GetSecretKeys(), k => Assert.NotNull(k.ExtractPrivateKeyUtf8(Gpg.DefaultPassphrase.ToCharArray())));
        var slow = clock.Elapsed;

        Assert.True(fast * 3 < slow, $"Unprotected keys opened in {fast.TotalMilliseconds} ms, protected ones in {slow.TotalMilliseconds} ms");
    }
}
