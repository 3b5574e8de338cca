using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

/// <summary>What the key policy judges a certificate by, read from certificates openssl made.</summary>
public sealed class CertificatePolicyFactsTests : IDisposable
{
    private readonly OpenSslWorkspace _openssl = new();
    private readonly BouncyCastleSmimeKeyMaterialReader _reader = new();

    public void Dispose() => _openssl.Dispose();

    private CertificateFacts Read(string certificateFile) => Assert.Single(_reader.ReadCertificates(_openssl.Read(certificateFile)));

    [Fact]
    public void An_rsa_1024_certificate_is_weak_by_its_size()
    {
        var facts = Read(_openssl.SelfSigned("small", "small@example.com", "rsa:1024").CertificateFile);

        Assert.Equal(("RSA", 1024), (facts.KeyAlgorithm, facts.KeySize));
        Assert.Equal("an RSA key of 1024 bits; at least 2048 bits are required", KeyPolicy.Of(facts)?.ToString());
    }

    [Theory]
    [InlineData("ec", "P-256", true)]
    [InlineData("ec:P-384", "P-384", true)]
    [InlineData("ec:P-521", "P-521", true)]
    [InlineData("ec:brainpoolP256r1", "brainpoolP256r1", false)]
    [InlineData("ec:secp256k1", "secp256k1", false)]
    [InlineData("ec:explicit", KeyPolicy.ExplicitCurve, false)]
    public void An_ec_certificate_names_its_curve_and_only_the_nist_curves_pass(string algorithm, string curve, bool acceptable)
    {
        var facts = Read(_openssl.SelfSigned("curve", "curve@example.com", algorithm).CertificateFile);

        Assert.Equal(curve, facts.Curve);
        Assert.Equal(acceptable, KeyPolicy.Of(facts) is null);
    }

    [Fact]
    public void A_sha1_self_signature_is_read_and_tolerated()
    {
        var facts = Read(_openssl.SelfSigned("old-root", "old@example.com", digest: "sha1").CertificateFile);

        Assert.Equal(("SHA-1", true), (facts.SignatureDigest, facts.SelfSigned));
        Assert.Null(KeyPolicy.Of(facts));
    }

    [Theory]
    [InlineData("sha1", "SHA-1")]
    [InlineData("md5", "MD5")]
    public void A_certificate_a_ca_signed_with_a_weak_digest_is_weak(string digest, string name)
    {
        var ca = new OpenSslCa(_openssl, "Old CA");
        var facts = Read(ca.Issue("leaf", "leaf@example.com", "0A", digest: digest).CertificateFile);

        Assert.Equal((name, false), (facts.SignatureDigest, facts.SelfSigned));
        Assert.Equal($"a signature by its issuer made with {name}", KeyPolicy.Of(facts)?.Description);
        Assert.Equal(("SHA-256", true), (Read(ca.CertificateFile).SignatureDigest, Read(ca.CertificateFile).SelfSigned));
    }

    [Fact]
    public void A_certificate_that_names_its_issuer_as_itself_but_was_signed_by_another_key_is_not_self_signed()
    {
        var ca = TestCa.Create("Same Name");
        var impostor = ca.Issue(CertificateOptions.CertificateAuthority("Same Name"));

        var facts = Assert.Single(_reader.ReadCertificates(impostor.Der));

        Assert.Equal(facts.Subject, facts.Issuer);
        Assert.False(facts.SelfSigned);
        Assert.True(Assert.Single(_reader.ReadCertificates(ca.Certificate.Der)).SelfSigned);
    }
}
