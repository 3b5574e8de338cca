using System.Text;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

public sealed class OpenSslCertificateInteropTests : IDisposable
{
    private readonly OpenSslWorkspace _openssl = new();
    private readonly BouncyCastleSmimeKeyMaterialReader _reader = new();

    public void Dispose() => _openssl.Dispose();

    [Fact]
    public void Facts_of_an_openssl_certificate_equal_what_openssl_prints()
    {
        var ca = new OpenSslCa(_openssl, "Facts CA");
        var (_, certificateFile) = ca.Issue("alice", "Alice@Example.com", "00C0FFEE42");

        var facts = Assert.Single(_reader.ReadCertificates(_openssl.Read(certificateFile)));

        Assert.Equal(OpenSslOutput.Fingerprint(_openssl, certificateFile), facts.Fingerprint);
        Assert.Equal(OpenSslOutput.Value(_openssl, "x509", "-in", certificateFile, "-noout", "-serial"), facts.SerialNumber);
        Assert.Equal("C0FFEE42", facts.SerialNumber);
        Assert.Equal(
            OpenSslOutput.Value(_openssl, "x509", "-in", certificateFile, "-noout", "-subject", "-nameopt", "RFC2253"), facts.Subject);
        Assert.Equal(
            OpenSslOutput.Value(_openssl, "x509", "-in", certificateFile, "-noout", "-issuer", "-nameopt", "RFC2253"), facts.Issuer);
        Assert.Equal(OpenSslOutput.Date(OpenSslOutput.Value(_openssl, "x509", "-in", certificateFile, "-noout", "-startdate")), facts.NotBefore);
        Assert.Equal(OpenSslOutput.Date(OpenSslOutput.Value(_openssl, "x509", "-in", certificateFile, "-noout", "-enddate")), facts.NotAfter);
        Assert.Equal(OpenSslOutput.PublicKeyFingerprint(_openssl, certificateFile, isCertificate: true), facts.PublicKeyFingerprint);
        Assert.Equal(["alice@example.com"], facts.Emails);
        Assert.Equal(["digitalSignature", "keyEncipherment"], facts.KeyUsages);
        Assert.Equal(["emailProtection"], facts.ExtendedKeyUsages);
        Assert.Equal(("RSA", 2048, false), (facts.KeyAlgorithm, facts.KeySize, facts.IsCertificateAuthority));
        Assert.Equal(Assert.Single(_reader.ReadCertificates(_openssl.Read(ca.CertificateFile))).SubjectKeyIdentifier, facts.AuthorityKeyIdentifier);
        Assert.NotNull(facts.SubjectKeyIdentifier);
    }

    [Fact]
    public void The_email_rdn_of_an_openssl_certificate_counts_and_is_named_E()
    {
        var (_, certificateFile) = _openssl.SelfSigned("bob", "Bob@Example.com");

        var facts = Assert.Single(_reader.ReadCertificates(_openssl.Read(certificateFile)));

        Assert.Equal(["bob@example.com"], facts.Emails);
        Assert.Equal("E=Bob@Example.com,CN=bob,O=SecureMail Interop", facts.Subject);
        Assert.Equal(facts.Subject, facts.Issuer);
        Assert.Equal(["emailProtection", "clientAuth"], facts.ExtendedKeyUsages);
    }

    [Fact]
    public void An_openssl_ec_certificate_reads_as_ec_256_in_der_too()
    {
        var (_, certificateFile) = _openssl.SelfSigned("carol", "carol@example.com", algorithm: "ec");
        _openssl.Run("x509", "-in", certificateFile, "-outform", "DER", "-out", "carol.der");

        var facts = Assert.Single(_reader.ReadCertificates(_openssl.Read("carol.der")));

        Assert.Equal(("EC", 256), (facts.KeyAlgorithm, facts.KeySize));
        Assert.Equal(OpenSslOutput.Fingerprint(_openssl, certificateFile), facts.Fingerprint);
        Assert.Equal(OpenSslOutput.PublicKeyFingerprint(_openssl, certificateFile, isCertificate: true), facts.PublicKeyFingerprint);
    }

    [Fact]
    public void A_bundle_with_openssl_text_around_each_certificate_yields_them_all()
    {
        var ca = new OpenSslCa(_openssl);
        var (_, alice) = ca.Issue("alice", "alice@example.com", "01");
        var (_, bob) = ca.Issue("bob", "bob@example.com", "02");
        var bundle = string.Concat(new[] { alice, bob, ca.CertificateFile }.Select(file => _openssl.Run("x509", "-in", file, "-text")));

        var facts = _reader.ReadCertificates(Encoding.ASCII.GetBytes(bundle));

        Assert.Equal(
            new[] { alice, bob, ca.CertificateFile }.Select(file => OpenSslOutput.Fingerprint(_openssl, file)),
            facts.Select(f => f.Fingerprint));
        Assert.True(facts[2].IsCertificateAuthority);
    }
}
