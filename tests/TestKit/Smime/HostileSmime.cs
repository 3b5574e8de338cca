using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using IssuerAndSerialNumber = Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;
using Time = Org.BouncyCastle.Asn1.X509.Time;

namespace SecureMail.TestKit.Smime;

/// <summary>CMS built to make a reader work, written with BouncyCastle's ASN.1 classes since no signer would make it.</summary>
public static class HostileSmime
{
    /// <summary>Detached signed-data (RFC 5652 §5) that carries its signer's certificate, whose RSA key has <paramref name="bits"/>
    /// bits (<see cref="OversizedModulus"/>); the certificate's and the content's signatures are random octets.</summary>
    public static byte[] SignedByOversizedKey(int bits, string email)
    {
        var random = new SecureRandom();
        var name = new X509Name($"CN={email},E={email}");
        var serial = new BigInteger(64, random).Add(BigInteger.One);
        var rsa = new AlgorithmIdentifier(PkcsObjectIdentifiers.RsaEncryption, DerNull.Instance);
        var sha256 = new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256, DerNull.Instance);

        var tbs = new V3TbsCertificateGenerator();
        tbs.SetSerialNumber(new DerInteger(serial));
        tbs.SetIssuer(name);
        tbs.SetSubject(name);
        tbs.SetStartDate(new Time(DateTime.UtcNow.AddDays(-1)));
        tbs.SetEndDate(new Time(DateTime.UtcNow.AddDays(30)));
        tbs.SetSignature(new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerNull.Instance));
        tbs.SetSubjectPublicKeyInfo(new SubjectPublicKeyInfo(rsa, new RsaPublicKeyStructure(OversizedModulus.Random(bits), BigInteger.ValueOf(65537))));
        var certificate = new X509CertificateStructure(tbs.GenerateTbsCertificate(),
            new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerNull.Instance), new DerBitString(Octets(random, 256)));

        var signer = new SignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(name, serial)), sha256, (Asn1Set?)null, rsa,
            new DerOctetString(Octets(random, bits / 8)), null);
        var signed = new SignedData(new DerSet(sha256), new ContentInfo(CmsObjectIdentifiers.Data, null), new DerSet(certificate), null, new DerSet(signer));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signed).GetDerEncoded();
    }

    private static byte[] Octets(SecureRandom random, int length)
    {
        var octets = new byte[length];
        random.NextBytes(octets);
        return octets;
    }
}
