using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Store;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Matches a CMS SignerIdentifier or RecipientIdentifier (issuer and serial, or subject key identifier) to a
/// certificate. An identifier with neither would match every certificate as a BouncyCastle selector; here it matches none.</summary>
internal static class CmsIdentifiers
{
    public static bool Matches(X509CertStoreSelector id, X509Certificate certificate)
    {
        if (id.Issuer is not null && id.SerialNumber is not null)
            return id.Issuer.Equivalent(certificate.IssuerDN) && id.SerialNumber.Equals(certificate.SerialNumber);
        if (id.SubjectKeyIdentifier is { Length: > 0 } wanted)
            return SubjectKeyIdentifier(certificate) is { } own
                && (own.AsSpan().SequenceEqual(wanted) || new DerOctetString(own).GetEncoded().AsSpan().SequenceEqual(wanted));
        return false;
    }

    private static byte[]? SubjectKeyIdentifier(X509Certificate certificate)
    {
        var value = certificate.CertificateStructure.TbsCertificate.Extensions?
            .GetExtensionParsedValue(X509Extensions.SubjectKeyIdentifier);
        return value is null ? null : Org.BouncyCastle.Asn1.X509.SubjectKeyIdentifier.GetInstance(value).GetKeyIdentifier();
    }
}
