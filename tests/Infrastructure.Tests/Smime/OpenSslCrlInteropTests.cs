using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

public sealed class OpenSslCrlInteropTests : IDisposable
{
    private readonly OpenSslWorkspace _openssl = new();
    private readonly BouncyCastleSmimeKeyMaterialReader _reader = new();

    public void Dispose() => _openssl.Dispose();

    [Fact]
    public void An_openssl_crl_names_the_revoked_certificate_and_verifies_with_its_ca_only()
    {
        var ca = new OpenSslCa(_openssl, "Revoking CA");
        var other = new OpenSslCa(_openssl, "Other CA");
        var (_, revokedFile) = ca.Issue("mallory", "mallory@example.com", "00F1E2D3");
        var crlFile = ca.Crl("F1E2D3");
        _openssl.Run("crl", "-in", crlFile, "-outform", "DER", "-out", "revoking.crl.der");
        var caFacts = Assert.Single(_reader.ReadCertificates(_openssl.Read(ca.CertificateFile)));
        var otherFacts = Assert.Single(_reader.ReadCertificates(_openssl.Read(other.CertificateFile)));
        var revokedFacts = Assert.Single(_reader.ReadCertificates(_openssl.Read(revokedFile)));

        var fromPem = _reader.ReadCrl(_openssl.Read(crlFile));
        var fromDer = _reader.ReadCrl(_openssl.Read("revoking.crl.der"));

        Assert.Equal(fromPem.Fingerprint, fromDer.Fingerprint);
        Assert.Equal(caFacts.Subject, fromPem.Issuer);
        Assert.Equal(caFacts.SubjectKeyIdentifier, fromPem.AuthorityKeyIdentifier);
        Assert.Equal(revokedFacts.SerialNumber, Assert.Single(fromPem.Revoked).SerialNumber);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), fromPem.Revoked[0].RevokedAt);
        Assert.Equal(OpenSslOutput.Date(OpenSslOutput.Value(_openssl, "crl", "-in", crlFile, "-noout", "-lastupdate")), fromPem.ThisUpdate);
        Assert.Equal(OpenSslOutput.Date(OpenSslOutput.Value(_openssl, "crl", "-in", crlFile, "-noout", "-nextupdate")), fromPem.NextUpdate);
        Assert.True(_reader.IsCrlSignedBy(fromPem, caFacts));
        Assert.False(_reader.IsCrlSignedBy(fromPem, otherFacts));
    }
}
