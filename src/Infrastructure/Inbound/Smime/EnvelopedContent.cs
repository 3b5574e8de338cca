using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Algorithms;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Enveloped-data (RFC 5652 §6). Its ciphers (CBC) carry no integrity of their own. A content key sent by key
/// transport is recovered with .NET's RSA, as for authenticated enveloped data: BouncyCastle's own RSA, written in C#,
/// was most of an encrypted message's processing (ADR 56). Other recipients (key agreement) go through BouncyCastle's
/// CMS API.</summary>
internal static class EnvelopedContent
{
    public static CmsEnvelope Read(ContentInfo contentInfo)
    {
        var enveloped = new CmsEnvelopedData(contentInfo);
        var cipher = CmsNames.Cipher(enveloped.EncryptionAlgOid) ?? throw new EnvelopeRefusal(SecurityCode.Unsupported,
            $"The content encryption algorithm {enveloped.EncryptionAlgOid} is not supported.");
        var data = EnvelopedData.GetInstance(contentInfo.Content);
        var content = data.EncryptedContentInfo;
        var transported = ContentKeyRecipients.KeyTransports(data.RecipientInfos)
            .Select(r => new CmsRecipient(r.Id, key => Decrypt(content, r.ContentKey(key))));
        var others = enveloped.GetRecipientInfos().GetRecipients()
            .Where(r => r is not KeyTransRecipientInformation)
            .Select(r => new CmsRecipient(r.RecipientID, key => r.GetContent(ParsedKeys.PrivateKey(key.Pkcs8PrivateKey))));
        return new CmsEnvelope(cipher, transported.Concat(others).ToList());
    }

    // As BouncyCastle's RecipientInformation decrypts with a recovered session key: the cipher and its parameters (the
    // IV, RC2's effective key bits) named by the content encryption algorithm; DES-EDE3 without parameters gets a zero IV.
    private static byte[] Decrypt(EncryptedContentInfo content, byte[] contentKey)
    {
        var algorithm = content.ContentEncryptionAlgorithm;
        var ciphertext = content.EncryptedContent?.GetOctets()
            ?? throw new EnvelopeRefusal(SecurityCode.Corrupt, "The enveloped data carries no encrypted content.");
        var key = ParameterUtilities.CreateKeyParameter(algorithm.Algorithm, contentKey);
        var parameters = algorithm.Parameters?.ToAsn1Object() is { } asn1 and not Asn1Null
            ? ParameterUtilities.GetCipherParameters(algorithm.Algorithm, key, asn1)
            : CmsEnvelopedGenerator.DesEde3Cbc.Equals(algorithm.Algorithm.Id) ? new ParametersWithIV(key, new byte[8]) : key;
        var cipher = CipherUtilities.GetCipher(algorithm.Algorithm);
        cipher.Init(false, parameters);
        return cipher.DoFinal(ciphertext);
    }
}
