using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;
using SecureMail.Domain.Keystore;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>Reads what a certificate says about itself into <see cref="CertificateFacts"/>.</summary>
internal static class CertificateFactsReader
{
    public static CertificateFacts Read(X509Certificate certificate)
    {
        var der = certificate.GetEncoded();
        var publicKey = PublicKeyOrNull(certificate);
        return new CertificateFacts(
            Fingerprint: Rendering.Sha256(der),
            Subject: Rendering.Name(certificate.SubjectDN),
            Issuer: Rendering.Name(certificate.IssuerDN),
            SerialNumber: Rendering.Serial(certificate.SerialNumber),
            Emails: Emails(certificate),
            NotBefore: Rendering.Utc(certificate.NotBefore),
            NotAfter: Rendering.Utc(certificate.NotAfter),
            KeyUsages: KeyUsageNames.Of(certificate.GetKeyUsage()),
            ExtendedKeyUsages: certificate.GetExtendedKeyUsage()?.Select(KeyUsageNames.OfPurpose).ToList(),
            KeyAlgorithm: KeyAlgorithms.Name(certificate.SubjectPublicKeyInfo.Algorithm.Algorithm),
            KeySize: KeySize(publicKey),
            IsCertificateAuthority: certificate.GetBasicConstraints() >= 0,
            PublicKeyFingerprint: PublicKeyFingerprint(certificate, publicKey),
            SubjectKeyIdentifier: SubjectKeyIdentifier(certificate),
            AuthorityKeyIdentifier: AuthorityKeyIdentifier(certificate.CertificateStructure.TbsCertificate.Extensions),
            Der: Convert.ToBase64String(der));
    }

    public static string? AuthorityKeyIdentifier(X509Extensions? extensions)
    {
        var value = extensions?.GetExtensionParsedValue(X509Extensions.AuthorityKeyIdentifier);
        var identifier = value is null ? null : Org.BouncyCastle.Asn1.X509.AuthorityKeyIdentifier.GetInstance(value).KeyIdentifier;
        return identifier is null ? null : Rendering.Hex(identifier.GetOctets());
    }

    private static IReadOnlyList<string> Emails(X509Certificate certificate)
    {
        var extension = certificate.CertificateStructure.TbsCertificate.Extensions?
            .GetExtensionParsedValue(X509Extensions.SubjectAlternativeName);
        var fromAltNames = extension is null
            ? []
            : GeneralNames.GetInstance(extension).GetNames()
                .Where(name => name.TagNo == GeneralName.Rfc822Name)
                .Select(name => DerIA5String.GetInstance(name.Name).GetString());
        var fromSubject = certificate.SubjectDN.GetValueList(PkcsObjectIdentifiers.Pkcs9AtEmailAddress);
        return fromAltNames.Concat(fromSubject)
            .Select(email => email.Trim().ToLowerInvariant())
            .Where(email => email.Length > 0)
            .Distinct()
            .ToList();
    }

    private static int KeySize(AsymmetricKeyParameter? publicKey) => publicKey switch
    {
        RsaKeyParameters rsa => rsa.Modulus.BitLength,
        ECPublicKeyParameters ec => ec.Parameters.Curve.FieldSize,
        _ => 0,
    };

    private static string PublicKeyFingerprint(X509Certificate certificate, AsymmetricKeyParameter? publicKey) =>
        publicKey is null
            ? Rendering.Sha256(certificate.SubjectPublicKeyInfo.GetDerEncoded())
            : Rendering.PublicKeyFingerprint(publicKey);

    // An algorithm BouncyCastle cannot parse still has facts; the keystore rules reject it later.
    private static AsymmetricKeyParameter? PublicKeyOrNull(X509Certificate certificate)
    {
        try
        {
            return certificate.GetPublicKey();
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static string? SubjectKeyIdentifier(X509Certificate certificate)
    {
        var value = certificate.CertificateStructure.TbsCertificate.Extensions?
            .GetExtensionParsedValue(X509Extensions.SubjectKeyIdentifier);
        return value is null ? null : Rendering.Hex(Org.BouncyCastle.Asn1.X509.SubjectKeyIdentifier.GetInstance(value).GetKeyIdentifier());
    }
}
