using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Operators.Utilities;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Algorithms;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>Reads what a certificate says about itself into <see cref="CertificateFacts"/>.</summary>
internal static class CertificateFactsReader
{
    // Facts depend on a certificate's bytes alone, and a correspondent's signed mail carries the same certificate every
    // time: reading it again checked its self-signature, a public-key operation per message (ADR 55).
    private static readonly ParsedCache<CertificateFacts> Known = new(1024);

    public static CertificateFacts Read(X509Certificate certificate)
    {
        var der = certificate.GetEncoded();
        return Known.GetOrParse(der, () => Read(certificate, der));
    }

    private static CertificateFacts Read(X509Certificate certificate, byte[] der)
    {
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
            Der: Convert.ToBase64String(der),
            Curve: Curve(certificate.SubjectPublicKeyInfo.Algorithm),
            SignatureDigest: SignatureDigest(certificate.CertificateStructure.SignatureAlgorithm),
            SelfSigned: IsSelfSigned(certificate, publicKey));
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

    private static string? Curve(AlgorithmIdentifier algorithm)
    {
        if (!algorithm.Algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey))
            return null;
        try
        {
            var parameters = X962Parameters.GetInstance(algorithm.Parameters);
            return parameters.IsNamedCurve ? CurveNames.Of(DerObjectIdentifier.GetInstance(parameters.Parameters)) : KeyPolicy.ExplicitCurve;
        }
        catch (Exception)
        {
            return KeyPolicy.ExplicitCurve;
        }
    }

    /// <summary>The digest inside the signature algorithm (sha1WithRSAEncryption: SHA-1; RSASSA-PSS: its hash
    /// parameter); null when BouncyCastle knows no digest for it.</summary>
    private static string? SignatureDigest(AlgorithmIdentifier signatureAlgorithm)
    {
        try
        {
            var digest = DefaultDigestAlgorithmFinder.Instance.Find(signatureAlgorithm)?.Algorithm;
            return digest is null ? null : DigestUtilities.GetAlgorithmName(digest) ?? digest.Id;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static bool IsSelfSigned(X509Certificate certificate, AsymmetricKeyParameter? publicKey)
    {
        if (publicKey is null || !certificate.SubjectDN.Equivalent(certificate.IssuerDN))
            return false;
        try
        {
            certificate.Verify(publicKey);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

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
