using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>What an application/pkcs7-mime body is, from its CMS content type rather than the smime-type parameter,
/// which Outlook and others leave out or get wrong (RFC 8551 §3.2.2).</summary>
internal static class CmsLayers
{
    public static SecurityLayer? Of(byte[] cms, string? smimeType)
    {
        var declared = (smimeType ?? "").Trim().ToLowerInvariant();
        var type = ContentType(cms);
        if (type is null)
            return declared == "signed-data"
                ? new MalformedLayer(Protection.Signature, MailSecuritySystem.SMIME, SecurityCode.Malformed,
                    "The signed data is not readable CMS: it is damaged or truncated.")
                : new SmimeEnveloped(cms);

        if (type.Equals(CmsObjectIdentifiers.SignedData))
            return declared == "certs-only" ? null : new SmimeOpaqueSigned(cms);
        if (type.Equals(CmsObjectIdentifiers.EnvelopedData) || type.Equals(PkcsObjectIdentifiers.IdCTAuthEnvelopedData))
            return new SmimeEnveloped(cms);
        return null;
    }

    public static DerObjectIdentifier? ContentType(byte[] cms)
    {
        try
        {
            return Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(Asn1Object.FromByteArray(cms)).ContentType;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The content inside signed-data ("opaque" signing); null when it holds none.</summary>
    public static byte[]? Encapsulated(CmsSignedData signed)
    {
        if (signed.SignedContent is not { } content)
            return null;
        using var buffer = new MemoryStream();
        content.Write(buffer);
        return buffer.ToArray();
    }
}
