using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;
using static SecureMail.Domain.Tests.Keystore.Facts;

namespace SecureMail.Domain.Tests.Keystore;

public class KeyPolicyTests
{
    [Theory]
    [InlineData("RSA", 1024, null, "an RSA key of 1024 bits; at least 2048 bits are required")]
    [InlineData("RSA", 2047, null, "an RSA key of 2047 bits; at least 2048 bits are required")]
    [InlineData("EC", 256, "brainpoolP256r1", "an EC key on the curve brainpoolP256r1; only the named curves P-256, P-384 and P-521 are accepted")]
    [InlineData("EC", 256, KeyPolicy.ExplicitCurve, "an EC key with explicit curve parameters; only the named curves P-256, P-384 and P-521 are accepted")]
    [InlineData("EC", 192, null, "an EC key of 192 bits; only the named curves P-256, P-384 and P-521 are accepted")]
    public void Small_keys_and_unnamed_or_other_curves_are_weak(string algorithm, int bits, string? curve, string expected)
    {
        var weakness = KeyPolicy.Of(Certificate() with { KeyAlgorithm = algorithm, KeySize = bits, Curve = curve });

        Assert.Equal(expected, weakness?.ToString());
    }

    [Theory]
    [InlineData("RSA", 2048, null)]
    [InlineData("RSA", 4096, null)]
    [InlineData("EC", 256, "P-256")]
    [InlineData("EC", 384, "P-384")]
    [InlineData("EC", 521, "P-521")]
    [InlineData("EC", 256, null)]
    public void Keys_of_2048_bits_and_the_NIST_curves_pass(string algorithm, int bits, string? curve)
    {
        Assert.Null(KeyPolicy.Of(Certificate() with { KeyAlgorithm = algorithm, KeySize = bits, Curve = curve }));
    }

    [Theory]
    [InlineData("SHA-1", false, false)]
    [InlineData("MD5", false, false)]
    [InlineData("SHA-1", true, true)]
    [InlineData("MD5", true, true)]
    [InlineData("SHA-256", false, true)]
    [InlineData(null, null, true)]
    public void A_weak_digest_in_a_certificate_signature_counts_unless_the_certificate_signed_itself(string? digest, bool? selfSigned, bool acceptable)
    {
        var weakness = KeyPolicy.Of(Certificate() with { SignatureDigest = digest, SelfSigned = selfSigned });

        Assert.Equal(acceptable, weakness is null);
        if (!acceptable)
            Assert.Equal($"a signature by its issuer made with {digest}", weakness!.Description);
    }

    [Fact]
    public void A_certificate_that_only_names_itself_as_issuer_is_not_self_signed()
    {
        var colliding = Certificate() with { Subject = "CN=Test CA", Issuer = "CN=Test CA", SignatureDigest = "SHA-1", SelfSigned = false };

        Assert.NotNull(KeyPolicy.Of(colliding));
    }

    [Theory]
    [InlineData("DSA", 1024, null, "a DSA key of 1024 bits")]
    [InlineData("RSA", 1024, null, "an RSA key of 1024 bits")]
    [InlineData("ECDSA", 256, "brainpoolP256r1", "an ECDSA key on the curve brainpoolP256r1")]
    [InlineData("ECDSA", 256, "secp256k1", "an ECDSA key on the curve secp256k1")]
    public void A_weak_pgp_primary_key_is_named(string algorithm, int bits, string? curve, string expected)
    {
        var key = PgpKey() with { Algorithm = algorithm, KeySize = bits, Curve = curve };

        Assert.Equal(expected, KeyPolicy.Of(key, Now)?.Description);
    }

    [Theory]
    [InlineData("EdDSA", 255, "Ed25519")]
    [InlineData("ECDSA", 256, "P-256")]
    [InlineData("ECDSA", 521, "P-521")]
    [InlineData("Ed25519", 255, null)]
    [InlineData("Ed448", 448, null)]
    [InlineData("RSA", 3072, null)]
    public void Pgp_keys_on_2048_bits_or_the_accepted_curves_pass(string algorithm, int bits, string? curve)
    {
        Assert.Null(KeyPolicy.Of(PgpKey() with { Algorithm = algorithm, KeySize = bits, Curve = curve }, Now));
    }

    [Fact]
    public void A_live_weak_subkey_makes_the_key_weak_but_a_revoked_expired_or_unbound_one_does_not()
    {
        var elgamal = Subkey(["encryptCommunications"]) with { Algorithm = "ElGamal", KeySize = 768 };

        Assert.Equal("an ElGamal subkey of 768 bits", KeyPolicy.Of(PgpKey(subkeys: [elgamal]), Now)?.Description);
        Assert.Equal("an ECDH subkey on the curve brainpoolP256r1",
            KeyPolicy.Of(PgpKey(subkeys: [Subkey(["encryptCommunications"]) with { Algorithm = "ECDH", KeySize = 256, Curve = "brainpoolP256r1" }]), Now)?.Description);
        Assert.Null(KeyPolicy.Of(PgpKey(subkeys: [elgamal with { Revoked = true }]), Now));
        Assert.Null(KeyPolicy.Of(PgpKey(subkeys: [elgamal with { ExpiresAt = Now.AddDays(-1) }]), Now));
        Assert.Null(KeyPolicy.Of(PgpKey(subkeys: [elgamal with { KeyFlags = [] }]), Now));
    }

    [Fact]
    public void Sha1_self_signatures_and_bindings_are_weak_and_old_facts_without_digests_are_not_judged_by_them()
    {
        Assert.Equal("a self-signature made with SHA-1",
            KeyPolicy.Of(PgpKey() with { SelfSignatureDigests = ["SHA-256", "SHA-1"] }, Now)?.Description);
        Assert.Equal("a subkey bound by a signature made with SHA-1",
            KeyPolicy.Of(PgpKey(subkeys: [Subkey(["sign"]) with { BindingDigest = "SHA-1" }]), Now)?.Description);
        Assert.Null(KeyPolicy.Of(PgpKey() with { SelfSignatureDigests = ["SHA-256", "SHA-512"] }, Now));
        Assert.Null(KeyPolicy.Of(PgpKey() with { SelfSignatureDigests = null }, Now));
    }

    [Fact]
    public void Import_refuses_a_weak_certificate_or_pgp_key_with_the_reason()
    {
        var certificate = CertificateDecisions.Import(null, Certificate() with { KeySize = 1024 }, "admin", Now);
        var authority = CertificateDecisions.Import(null, Certificate() with { KeySize = 1024, IsCertificateAuthority = true, Emails = [] }, "admin", Now);
        var pgp = PgpKeyEntry.Import(null, PgpKey() with { Algorithm = "DSA", KeySize = 1024 }, withSecretKey: true, "admin", Now);

        Assert.Equal(new Rejection(RejectionKind.Invalid,
            "The certificate CN=alice@example.com has an RSA key of 1024 bits; at least 2048 bits are required."), certificate.Rejection);
        Assert.Equal(RejectionKind.Invalid, authority.Rejection?.Kind);
        Assert.Equal(new Rejection(RejectionKind.Invalid,
            $"The PGP key {PgpKey().Fingerprint} has a DSA key of 1024 bits; at least 2048 bits are required."), pgp.Rejection);
        Assert.Empty(pgp.Events);
    }

    [Fact]
    public void A_weak_key_held_from_before_the_policy_is_usable_for_nothing()
    {
        var certificate = Certificate() with { KeySize = 1024 };
        var key = PgpKey(subkeys: [Subkey(["encryptCommunications"]) with { Algorithm = "ElGamal", KeySize = 1024 }]);

        Assert.False(CertificateUsability.CanEncrypt(certificate, revoked: false, Now));
        Assert.False(CertificateUsability.CanSign(certificate, hasPrivateKey: true, revoked: false, Now));
        Assert.False(PgpKeyUsability.CanEncrypt(key, Now));
        Assert.False(PgpKeyUsability.CanSign(key, hasSecretKey: true, Now));
    }
}
