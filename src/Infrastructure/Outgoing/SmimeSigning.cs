using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Smime;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Utilities.Collections;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>multipart/signed with a detached CMS signature (RFC 8551 §3.5.3) over the CRLF-canonical body, built with
/// BouncyCastle's CMS generator; the private-key operation is .NET's (OpenSSL), see <see cref="SystemSignatureFactory"/>.
/// Signed attributes: content type, signing time, message digest, and our S/MIME capabilities (AES-256, AES-128).</summary>
internal static class SmimeSigning
{
    private static readonly AttributeTable Capabilities = CapabilitiesTable();

    public static MultipartSigned Sign(MimeEntity body, SmimeSigningKey signer)
    {
        var content = CanonicalMime.Bytes(body);
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(Capabilities))
            .Build(new SystemSignatureFactory(signer.Key), signer.Certificate));
        generator.AddCertificates(CollectionUtilities.CreateStore([signer.Certificate, .. signer.Chain]));
        var signature = new ApplicationPkcs7Signature(new MemoryStream(
            generator.Generate(new CmsProcessableByteArray(content), encapsulate: false).GetEncoded(), writable: false));
        DerCms.Reencode(signature);

        var signed = new MultipartSigned();
        signed.ContentType.Parameters["protocol"] = "application/pkcs7-signature";
        signed.ContentType.Parameters["micalg"] = "sha-256";
        signed.Add(body);
        signed.Add(signature);
        return signed;
    }

    private static AttributeTable CapabilitiesTable()
    {
        var capabilities = new SmimeCapabilityVector();
        capabilities.AddCapability(NistObjectIdentifiers.IdAes256Cbc);
        capabilities.AddCapability(NistObjectIdentifiers.IdAes128Cbc);
        var attribute = new SmimeCapabilitiesAttribute(capabilities);
        return new AttributeTable(new Asn1EncodableVector(attribute));
    }
}
