using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace SecureMail.TestKit.Smime;

/// <summary>A self-signed RSA-2048 certificate authority that issues test certificates and CRLs.</summary>
public sealed class TestCa
{
    private TestCa(TestCertificate certificate) => Certificate = certificate;

    public TestCertificate Certificate { get; }

    public static TestCa Create(string commonName = "SecureMail Test CA") =>
        new(CertificateMaker.Make(CertificateOptions.CertificateAuthority(commonName), issuer: null));

    public static TestCa Create(CertificateOptions options) =>
        new(CertificateMaker.Make(options with { IsCertificateAuthority = true }, issuer: null));

    public TestCertificate Issue(CertificateOptions? options = null) =>
        CertificateMaker.Make(options ?? new CertificateOptions(), Certificate);

    public TestCertificate Issue(params string[] emails) => Issue(CertificateOptions.For(emails));

    /// <summary>An intermediate CA whose certificate this CA signs.</summary>
    public TestCa IssueIntermediate(string commonName = "SecureMail Test Intermediate CA") =>
        new(Issue(CertificateOptions.CertificateAuthority(commonName)));

    /// <summary>A CRL valid from an hour ago for a week, revoking the given certificates.</summary>
    public TestCrl Revoke(params TestCertificate[] revoked) => Revoke(revoked.Select(c => c.Certificate.SerialNumber));

    public TestCrl Revoke(IEnumerable<BigInteger> serials, DateTimeOffset? thisUpdate = null, DateTimeOffset? nextUpdate = null)
    {
        var now = DateTimeOffset.UtcNow;
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(Certificate.Certificate.SubjectDN);
        generator.SetThisUpdate((thisUpdate ?? now.AddHours(-1)).UtcDateTime);
        generator.SetNextUpdate((nextUpdate ?? now.AddDays(7)).UtcDateTime);
        foreach (var serial in serials)
            generator.AddCrlEntry(serial, now.AddMinutes(-30).UtcDateTime, CrlReason.KeyCompromise);
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            X509ExtensionUtilities.CreateAuthorityKeyIdentifier(Certificate.Key.Public));
        generator.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(BigInteger.One));
        return new TestCrl(generator.Generate(CertificateMaker.Signer(Certificate.Key.Private)));
    }
}
