using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>An encrypted CMS message as the key loop sees it, whatever its content type: the cipher's name and the
/// recipients the content key was encrypted for.</summary>
internal sealed record CmsEnvelope(string Cipher, IReadOnlyList<CmsRecipient> Recipients)
{
    /// <exception cref="EnvelopeRefusal">Not a readable envelope, or one using what we do not support.</exception>
    public static CmsEnvelope Read(byte[] cms)
    {
        try
        {
            // Read the way CmsEnvelopedData reads its bytes: anything after the ContentInfo is ignored, not refused.
            using var input = new Asn1InputStream(cms);
            var contentInfo = ContentInfo.GetInstance(input.ReadObject());
            return CmsObjectIdentifiers.AuthEnvelopedData.Equals(contentInfo.ContentType)
                ? AuthEnvelopedContent.Read(contentInfo)
                : EnvelopedContent.Read(contentInfo);
        }
        catch (Exception e) when (e is not EnvelopeRefusal)
        {
            throw new EnvelopeRefusal(SecurityCode.Corrupt, "The encrypted data is not readable CMS: it is damaged or truncated.");
        }
    }
}

/// <summary>One recipient (issuer and serial number, or subject key identifier) and how our matching private key opens
/// the content. <see cref="Open"/> throws <see cref="EnvelopeRefusal"/> for a reason worth naming, anything else for
/// damaged data.</summary>
internal sealed record CmsRecipient(RecipientID Id, Func<SmimeDecryptionKey, byte[]> Open);

/// <summary>Why an envelope cannot be opened: the failure code and the reason users see.</summary>
internal sealed class EnvelopeRefusal(SecurityCode code, string reason) : Exception(reason)
{
    public SecurityCode Code { get; } = code;
}
