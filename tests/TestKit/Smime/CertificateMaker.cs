using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace SecureMail.TestKit.Smime;

/// <summary>Builds and signs X.509 v3 certificates from <see cref="CertificateOptions"/>.</summary>
internal static class CertificateMaker
{
    private static readonly string[] KeyUsageBits =
    [
        "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
        "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly",
    ];

    private static readonly Dictionary<string, DerObjectIdentifier> Purposes = new()
    {
        ["serverAuth"] = KeyPurposeID.id_kp_serverAuth,
        ["clientAuth"] = KeyPurposeID.id_kp_clientAuth,
        ["codeSigning"] = KeyPurposeID.id_kp_codeSigning,
        ["emailProtection"] = KeyPurposeID.id_kp_emailProtection,
        ["timeStamping"] = KeyPurposeID.id_kp_timeStamping,
        ["OCSPSigning"] = KeyPurposeID.id_kp_OCSPSigning,
        ["anyExtendedKeyUsage"] = KeyPurposeID.AnyExtendedKeyUsage,
    };

    /// <param name="issuer">Null for a self-signed certificate.</param>
    public static TestCertificate Make(CertificateOptions options, TestCertificate? issuer)
    {
        var key = options.Key ?? TestKeys.Generate(options.KeyType);
        var subject = SubjectName(options);
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(options.SerialNumber ?? new BigInteger(63, new SecureRandom()).Add(BigInteger.One));
        generator.SetSubjectDN(subject);
        generator.SetIssuerDN(issuer?.Certificate.SubjectDN ?? subject);
        generator.SetNotBefore(options.NotBefore.UtcDateTime);
        generator.SetNotAfter(options.NotAfter.UtcDateTime);
        generator.SetPublicKey(key.Public);
        AddExtensions(generator, options, key.Public, issuer?.Key.Public ?? key.Public);
        var certificate = generator.Generate(Signer(issuer?.Key.Private ?? key.Private));
        return new TestCertificate(certificate, key);
    }

    public static ISignatureFactory Signer(AsymmetricKeyParameter privateKey) =>
        new Asn1SignatureFactory(privateKey is ECPrivateKeyParameters ? "SHA256WITHECDSA" : "SHA256WITHRSA", privateKey);

    private static X509Name SubjectName(CertificateOptions options)
    {
        var oids = new List<DerObjectIdentifier> { X509Name.O, X509Name.CN };
        var values = new List<string> { "SecureMail Tests", options.CommonName };
        if (options.EmailInSubject && options.Emails.Count > 0)
        {
            oids.Add(PkcsObjectIdentifiers.Pkcs9AtEmailAddress);
            values.Add(options.Emails[0]);
        }
        return new X509Name(oids, values);
    }

    private static void AddExtensions(
        X509V3CertificateGenerator generator, CertificateOptions options, AsymmetricKeyParameter subjectKey, AsymmetricKeyParameter issuerKey)
    {
        generator.AddExtension(X509Extensions.BasicConstraints, options.IsCertificateAuthority, new BasicConstraints(options.IsCertificateAuthority));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(subjectKey));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuerKey));
        if (options.KeyUsages is { } usages)
            generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(usages.Sum(name => 1 << KeyUsageBit(name))));
        if (options.ExtendedKeyUsages is { } purposes)
            generator.AddExtension(X509Extensions.ExtendedKeyUsage, false, new DerSequence(purposes.Select(Purpose).ToArray()));
        if (options.Emails.Count > 0)
            generator.AddExtension(X509Extensions.SubjectAlternativeName, false,
                new GeneralNames(options.Emails.Select(email => new GeneralName(GeneralName.Rfc822Name, email)).ToArray()));
    }

    // BouncyCastle's KeyUsage(int) numbers BIT STRING bit n as 1 << (7 - n) in the first byte, decipherOnly (bit 8) as 1 << 15.
    private static int KeyUsageBit(string name)
    {
        var index = Array.IndexOf(KeyUsageBits, name);
        if (index < 0)
            throw new ArgumentException($"Unknown key usage '{name}'.", nameof(name));
        return index < 8 ? 7 - index : 15;
    }

    private static DerObjectIdentifier Purpose(string name) =>
        Purposes.TryGetValue(name, out var purpose) ? purpose : new DerObjectIdentifier(name);
}
