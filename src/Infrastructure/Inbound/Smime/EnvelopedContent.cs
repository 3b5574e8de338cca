using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Algorithms;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Enveloped-data (RFC 5652 §6) through BouncyCastle's CMS API. Its ciphers (CBC) carry no integrity of
/// their own.</summary>
internal static class EnvelopedContent
{
    public static CmsEnvelope Read(ContentInfo contentInfo)
    {
        var enveloped = new CmsEnvelopedData(contentInfo);
        var recipients = enveloped.GetRecipientInfos().GetRecipients()
            .Select(r => new CmsRecipient(r.RecipientID, key => r.GetContent(ParsedKeys.PrivateKey(key.Pkcs8PrivateKey))))
            .ToList();
        var cipher = CmsNames.Cipher(enveloped.EncryptionAlgOid) ?? throw new EnvelopeRefusal(SecurityCode.Unsupported,
            $"The content encryption algorithm {enveloped.EncryptionAlgOid} is not supported.");
        return new CmsEnvelope(cipher, recipients);
    }
}
