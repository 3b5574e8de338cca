using System.Text;
using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

public class CrlTests
{
    private readonly BouncyCastleSmimeKeyMaterialReader _reader = new();

    [Fact]
    public void A_crl_names_its_issuer_and_the_revoked_serials_as_certificates_do()
    {
        var ca = TestCa.Create("CRL CA");
        var revoked = ca.Issue("revoked@example.com");
        var caFacts = Assert.Single(_reader.ReadCertificates(ca.Certificate.Der));
        var revokedFacts = Assert.Single(_reader.ReadCertificates(revoked.Der));

        var crl = _reader.ReadCrl(ca.Revoke(revoked).PemBytes);

        Assert.Equal(caFacts.Subject, crl.Issuer);
        Assert.Equal(caFacts.SubjectKeyIdentifier, crl.AuthorityKeyIdentifier);
        var entry = Assert.Single(crl.Revoked);
        Assert.Equal(revokedFacts.SerialNumber, entry.SerialNumber);
        Assert.True(crl.ThisUpdate < DateTimeOffset.UtcNow);
        Assert.True(crl.NextUpdate > DateTimeOffset.UtcNow);
        Assert.Matches("^[0-9a-f]{64}$", crl.Fingerprint);
    }

    [Fact]
    public void Pem_and_der_read_the_same()
    {
        var crl = TestCa.Create().Revoke();

        var fromPem = _reader.ReadCrl(crl.PemBytes);
        var fromDer = _reader.ReadCrl(crl.Der);

        Assert.Equal(fromDer.Fingerprint, fromPem.Fingerprint);
        Assert.Equal(fromDer.Der, fromPem.Der);
        Assert.Equal(fromDer.Issuer, fromPem.Issuer);
        Assert.Empty(fromDer.Revoked);
    }

    [Fact]
    public void The_signature_verifies_with_the_issuer_and_not_with_another_ca()
    {
        var ca = TestCa.Create("Issuer");
        var impostor = TestCa.Create("Issuer");
        var crl = _reader.ReadCrl(ca.Revoke().Der);

        Assert.True(_reader.IsCrlSignedBy(crl, Assert.Single(_reader.ReadCertificates(ca.Certificate.Der))));
        Assert.False(_reader.IsCrlSignedBy(crl, Assert.Single(_reader.ReadCertificates(impostor.Certificate.Der))));
    }

    [Fact]
    public void A_tampered_crl_does_not_verify()
    {
        var ca = TestCa.Create();
        var der = ca.Revoke().Der;
        der[^10] ^= 0x01;
        var crl = _reader.ReadCrl(der);

        Assert.False(_reader.IsCrlSignedBy(crl, Assert.Single(_reader.ReadCertificates(ca.Certificate.Der))));
    }

    public static TheoryData<string, byte[]> BadInputs()
    {
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For("x@example.com") with { Key = TestKeys.Shared() });
        var crl = TestCa.Create().Revoke().Der;
        return new()
        {
            { "empty", [] },
            { "garbage", [0x05, 0x04, 0x03] },
            { "truncated", crl[..(crl.Length - 5)] },
            { "certificate", certificate.Der },
            { "certificate PEM", certificate.PemBytes },
            { "broken PEM", Encoding.ASCII.GetBytes("-----BEGIN X509 CRL-----\n!!!\n-----END X509 CRL-----\n") },
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Unreadable_crls_are_rejected_as_unreadable(string _, byte[] data)
    {
        var rejected = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadCrl(data));

        Assert.Equal(KeyMaterialProblem.Unreadable, rejected.Problem);
    }
}
