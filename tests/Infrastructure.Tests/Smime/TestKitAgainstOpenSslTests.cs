using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

/// <summary>The test factory's output is what openssl accepts, so other tests can trust it.</summary>
public sealed class TestKitAgainstOpenSslTests : IDisposable
{
    private readonly OpenSslWorkspace _openssl = new();

    public void Dispose() => _openssl.Dispose();

    [Fact]
    public void Openssl_verifies_an_issued_chain_and_sees_the_crl_revocation()
    {
        var ca = TestCa.Create();
        var good = ca.Issue("good@example.com");
        var revoked = ca.Issue(CertificateOptions.For("revoked@example.com").Ec());
        _openssl.Write("ca.pem", ca.Certificate.PemBytes);
        _openssl.Write("good.pem", good.PemBytes);
        _openssl.Write("revoked.pem", revoked.PemBytes);
        _openssl.Write("crl.pem", ca.Revoke(revoked).PemBytes);

        _openssl.Run("verify", "-purpose", "smimesign", "-CAfile", "ca.pem", "-crl_check", "-CRLfile", "crl.pem", "good.pem");
        var failure = Assert.Throws<InvalidOperationException>(
            () => _openssl.Run("verify", "-CAfile", "ca.pem", "-crl_check", "-CRLfile", "crl.pem", "revoked.pem"));
        Assert.Contains("certificate revoked", failure.Message);
    }

    [Fact]
    public void Openssl_opens_the_pkcs12_and_encrypted_pkcs8_with_the_right_key()
    {
        var certificate = TestCertificates.SelfSigned("p12@example.com");
        _openssl.Write("key.p12", certificate.ToPkcs12("pw"));
        _openssl.Write("key.enc.pem", System.Text.Encoding.ASCII.GetBytes(certificate.EncryptedPrivateKeyPem("pp")));

        _openssl.Run("pkcs12", "-in", "key.p12", "-passin", "pass:pw", "-nodes", "-legacy", "-out", "from-p12.pem");
        _openssl.Run("pkey", "-in", "key.enc.pem", "-passin", "pass:pp", "-pubout", "-outform", "DER", "-out", "from-pk8.spki.der");

        Assert.Contains(certificate.Pem.Trim(), File.ReadAllText(_openssl.PathOf("from-p12.pem")));
        Assert.Equal(certificate.PublicKeyFingerprint,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_openssl.Read("from-pk8.spki.der"))));
    }
}
