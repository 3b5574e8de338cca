using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Math;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Algorithms;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Authenticated enveloped-data (RFC 5083) with AES-GCM (RFC 5084), which S/MIME 4.0 receivers must read
/// (RFC 8551 §2.7) and BouncyCastle C# parses but cannot decrypt. .NET's AesGcm checks the tag over the ciphertext
/// and the authenticated attributes before it gives out any plaintext. A tag that does not match is reported as
/// failed integrity protection, like a failed MDC in OpenPGP, rather than as damaged data: the check proved that
/// the content is not what was encrypted with this key (changed on the way, or forged), and none of it is used.</summary>
internal static class AuthEnvelopedContent
{
    private const int NonceBytes = 12;

    private static readonly Dictionary<DerObjectIdentifier, int> KeyBytes = new()
    {
        [NistObjectIdentifiers.IdAes128Gcm] = 16,
        [NistObjectIdentifiers.IdAes192Gcm] = 24,
        [NistObjectIdentifiers.IdAes256Gcm] = 32,
    };

    public static CmsEnvelope Read(ContentInfo contentInfo)
    {
        var data = AuthEnvelopedData.GetInstance(contentInfo.Content);
        var algorithm = data.AuthEncryptedContentInfo.ContentEncryptionAlgorithm;
        var cipher = CmsNames.AuthenticatedCipher(algorithm.Algorithm.Id) ?? throw new EnvelopeRefusal(SecurityCode.Unsupported,
            $"The authenticated content encryption algorithm {algorithm.Algorithm} is not supported.");
        var ciphertext = data.AuthEncryptedContentInfo.EncryptedContent?.GetOctets()
            ?? throw Malformed("The authenticated enveloped data carries no encrypted content.");
        var tag = data.Mac.GetOctets();
        var nonce = Nonce(algorithm, tag.Length);
        // RFC 5083 §2.2: the additional authenticated data is the DER of authAttrs with the SET OF tag, not [1].
        var associated = data.AuthAttrs?.GetEncoded(Asn1Encodable.Der) ?? [];
        var keyBytes = KeyBytes[algorithm.Algorithm];

        var recipients = ContentKeyRecipients.Read(data.RecipientInfos).Select(r => new CmsRecipient(r.Id,
            key => Decrypt(r.ContentKey(key), keyBytes, nonce, ciphertext, tag, associated)));
        return new CmsEnvelope(cipher, recipients.ToList());
    }

    // GCMParameters (RFC 5084 §3.2) read by hand: BouncyCastle's parser refuses a tag length it dislikes without saying so.
    private static byte[] Nonce(AlgorithmIdentifier algorithm, int tagBytes)
    {
        if (algorithm.Parameters is null or Asn1Null)
            throw Malformed("The AES-GCM parameters (nonce and tag length) are missing.");
        var parameters = Asn1Sequence.GetInstance(algorithm.Parameters);
        var nonce = Asn1OctetString.GetInstance(parameters[0]).GetOctets();
        var icvLen = parameters.Count > 1 ? DerInteger.GetInstance(parameters[1]).Value : BigInteger.ValueOf(12);
        if (parameters.Count > 2 || icvLen.CompareTo(BigInteger.ValueOf(12)) < 0 || icvLen.CompareTo(BigInteger.ValueOf(16)) > 0)
            throw Malformed($"The AES-GCM tag length of {icvLen} octets is outside the 12 to 16 that RFC 5084 allows.");
        if (tagBytes != icvLen.IntValue)
            throw Malformed($"The authentication tag has {tagBytes} octets where the parameters announce {icvLen}.");
        return nonce.Length == NonceBytes ? nonce : throw new EnvelopeRefusal(SecurityCode.Unsupported,
            $"The AES-GCM nonce has {nonce.Length} octets; only the {NonceBytes} that RFC 5084 recommends are supported.");
    }

    private static byte[] Decrypt(byte[] key, int keyBytes, byte[] nonce, byte[] ciphertext, byte[] tag, byte[] associated)
    {
        if (key.Length != keyBytes)
            throw new EnvelopeRefusal(SecurityCode.Corrupt,
                $"The content key has {key.Length} octets where the cipher needs {keyBytes}: it is damaged or forged.");
        var plaintext = new byte[ciphertext.Length];
        using var gcm = new AesGcm(key, tag.Length);
        try
        {
            gcm.Decrypt(nonce, ciphertext, tag, plaintext, associated);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new EnvelopeRefusal(SecurityCode.NoIntegrity,
                "The authentication tag (AES-GCM) does not match: the encrypted message was modified; its content was discarded.");
        }

        return plaintext;
    }

    private static EnvelopeRefusal Malformed(string reason) => new(SecurityCode.Malformed, reason);
}
