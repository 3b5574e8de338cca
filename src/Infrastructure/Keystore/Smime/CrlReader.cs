using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using SecureMail.Domain.Keystore;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>X.509 CRLs, PEM ("X509 CRL") or DER, and their signature check.</summary>
internal static class CrlReader
{
    public static CrlFacts Read(byte[] data)
    {
        if (data.Length == 0)
            throw Rejection.Unreadable("The CRL file is empty.");
        var der = PemBlocks.LookLikePem(data) ? PemContent(data) : data;
        var crl = Rejection.Guard(() => FromDer(der), "The data is not a readable CRL.");
        return Rejection.Guard(() => Facts(crl), "The CRL's contents cannot be read.");
    }

    public static bool IsSignedBy(CrlFacts crl, CertificateFacts issuer)
    {
        var parsedCrl = Rejection.Guard(() => FromDer(Convert.FromBase64String(crl.Der)), "The CRL is not readable.");
        var certificate = Rejection.Guard(
            () => CertificateParser.FromDer(Convert.FromBase64String(issuer.Der)), "The issuer certificate is not readable.");
        try
        {
            parsedCrl.Verify(certificate.GetPublicKey());
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static byte[] PemContent(byte[] data)
    {
        var blocks = PemBlocks.Find(data);
        var crl = blocks.FirstOrDefault(block => block.Label == "X509 CRL")
            ?? throw Rejection.Unreadable(blocks.Count == 0
                ? "The PEM data holds no complete block."
                : $"Expected an X509 CRL PEM block but found {string.Join(", ", blocks.Select(b => b.Label).Distinct())}.");
        return Rejection.Guard(() => PemBlocks.Content(crl), "The X509 CRL PEM block is not valid base64.");
    }

    private static X509Crl FromDer(byte[] der) => new(CertificateList.GetInstance(Asn1Object.FromByteArray(der)));

    private static CrlFacts Facts(X509Crl crl)
    {
        var der = crl.GetEncoded();
        var list = crl.CertificateList;
        return new CrlFacts(
            Fingerprint: Rendering.Sha256(der),
            Issuer: Rendering.Name(crl.IssuerDN),
            AuthorityKeyIdentifier: CertificateFactsReader.AuthorityKeyIdentifier(list.TbsCertList.Extensions),
            ThisUpdate: Rendering.Utc(crl.ThisUpdate),
            NextUpdate: crl.NextUpdate is { } next ? Rendering.Utc(next) : null,
            Revoked: list.GetRevokedCertificates()
                .Select(entry => new RevokedCertificate(Rendering.Serial(entry.UserCertificate.Value), Rendering.Utc(entry.RevocationDate.ToDateTime())))
                .ToList(),
            Der: Convert.ToBase64String(der));
    }
}
