using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

/// <summary>What the key policy judges a PGP key by, read from keys gpg made (and one gpg will not make).</summary>
[Collection(GpgKeysCollection.Name)]
public sealed class PgpKeyPolicyFactsTests(GpgKeys keys)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly BouncyCastlePgpKeyMaterialReader _reader = new();

    private PgpKeyFacts Read(string fingerprint) => Assert.Single(_reader.ReadKeys(keys.Gpg.ExportPublicBinary(fingerprint), null)).Facts;

    [Fact]
    public void A_dsa_1024_key_with_an_elgamal_1024_subkey_is_weak_by_its_primary_key()
    {
        var fingerprint = keys.Gpg.GenerateKey("Old Dsa <old-dsa@example.net>", "dsa1024", "sign");
        keys.Gpg.AddSubkey(fingerprint, "elg1024", "encr");

        var facts = Read(fingerprint);

        Assert.Equal(("DSA", 1024), (facts.Algorithm, facts.KeySize));
        Assert.Equal(("ElGamal", 1024), (facts.Subkeys[0].Algorithm, facts.Subkeys[0].KeySize));
        Assert.Equal("a DSA key of 1024 bits; at least 2048 bits are required", KeyPolicy.Of(facts, Now)?.ToString());
    }

    [Fact]
    public void An_elgamal_768_subkey_makes_a_strong_primary_key_weak()
    {
        var key = PgpTestKeys.Create("Old Elg", "old-elg@example.net", passphrase: null, encryptionSubkey: PgpTestKeys.ElGamal768);

        var facts = Assert.Single(_reader.ReadKeys(key.PublicKeyBinary(), null)).Facts;

        Assert.Equal(("ElGamal", 768), (facts.Subkeys[0].Algorithm, facts.Subkeys[0].KeySize));
        Assert.Equal(["encryptCommunications", "encryptStorage"], facts.Subkeys[0].KeyFlags);
        Assert.Equal("an ElGamal subkey of 768 bits", KeyPolicy.Of(facts, Now)?.Description);
    }

    [Fact]
    public void Sha1_self_signatures_and_bindings_made_by_gpg_are_read_and_weak()
    {
        var fingerprint = keys.Gpg.GenerateKey("Sha One <sha-one@example.net>", "rsa2048", "sign", options: ["--cert-digest-algo", "SHA1"]);
        keys.Gpg.AddSubkey(fingerprint, "rsa2048", "encr", options: ["--cert-digest-algo", "SHA1"]);

        var facts = Read(fingerprint);

        Assert.Equal(["SHA-1"], facts.SelfSignatureDigests);
        Assert.Equal("SHA-1", facts.Subkeys[0].BindingDigest);
        Assert.Equal("a self-signature made with SHA-1", KeyPolicy.Of(facts, Now)?.Description);
    }

    [Fact]
    public void Gpg_default_keys_sign_themselves_with_sha2_and_pass()
    {
        var facts = Assert.Single(_reader.ReadKeys(keys.Rsa.Value.PublicArmoredBytes, null)).Facts;
        var curve = Assert.Single(_reader.ReadKeys(keys.Curve25519.Value.PublicArmoredBytes, null)).Facts;

        Assert.StartsWith("SHA-", Assert.Single(facts.SelfSignatureDigests!));
        Assert.False(KeyPolicy.IsWeakDigest(facts.SelfSignatureDigests![0]));
        Assert.Equal(facts.SelfSignatureDigests[0], facts.Subkeys[0].BindingDigest);
        Assert.Equal(("Ed25519", "Curve25519"), (curve.Curve, curve.Subkeys[0].Curve));
        Assert.Null(KeyPolicy.Of(facts, Now));
        Assert.Null(KeyPolicy.Of(curve, Now));
    }

    [Theory]
    [InlineData("nistp256", "P-256", true)]
    [InlineData("nistp384", "P-384", true)]
    [InlineData("brainpoolP256r1", "brainpoolP256r1", false)]
    [InlineData("secp256k1", "secp256k1", false)]
    public void An_ec_key_names_its_curve_and_only_the_accepted_curves_pass(string algorithm, string curve, bool acceptable)
    {
        var fingerprint = keys.Gpg.GenerateKey($"Curve {algorithm} <{algorithm.ToLowerInvariant()}@example.net>", algorithm, "sign");

        var facts = Read(fingerprint);

        Assert.Equal(("ECDSA", curve), (facts.Algorithm, facts.Curve));
        Assert.Equal(acceptable, KeyPolicy.Of(facts, Now) is null);
    }
}
