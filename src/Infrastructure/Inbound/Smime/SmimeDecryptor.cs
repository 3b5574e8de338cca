using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Infrastructure.Algorithms;
using SecureMail.Infrastructure.Keys;
using static SecureMail.Infrastructure.Inbound.Failures;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Decrypts enveloped-data with BouncyCastle's CMS API and our keys only. CBC has no integrity of its own:
/// decrypted is decrypted (rule 2), but weak ciphers are named.</summary>
internal static class SmimeDecryptor
{
    private const MailSecuritySystem Smime = MailSecuritySystem.SMIME;

    public static async Task<LayerResult> DecryptAsync(byte[] cms, IInboundKeyring keyring, CancellationToken cancellation)
    {
        if (PkcsObjectIdentifiers.IdCTAuthEnvelopedData.Equals(CmsLayers.ContentType(cms)))
            return Failed(InboundFailure.Unsupported,
                "The message is encrypted with AES-GCM (authenticated enveloped data), which cannot be decrypted here.");

        CmsEnvelopedData enveloped;
        List<RecipientInformation> recipients;
        try
        {
            enveloped = new CmsEnvelopedData(cms);
            recipients = enveloped.GetRecipientInfos().GetRecipients().ToList();
        }
        catch (Exception)
        {
            return Failed(InboundFailure.Corrupt, "The encrypted data is not readable CMS: it is damaged or truncated.");
        }

        var cipher = CmsNames.Cipher(enveloped.EncryptionAlgOid);
        if (cipher is null)
            return Failed(InboundFailure.Unsupported, $"The content encryption algorithm {enveloped.EncryptionAlgOid} is not supported.");

        foreach (var key in await keyring.SmimeDecryptionKeysAsync(cancellation))
        {
            var certificate = Certificate(key.Certificate);
            var recipient = certificate is null ? null : recipients.FirstOrDefault(r => CmsIdentifiers.Matches(r.RecipientID, certificate));
            if (recipient is null)
                continue;

            try
            {
                var plaintext = recipient.GetContent(ParsedKeys.PrivateKey(key.Pkcs8PrivateKey));
                var warnings = CmsNames.IsWeak(cipher)
                    ? new[] { $"The message was encrypted with {cipher}, a weak cipher; it was decrypted anyway." }
                    : [];
                return new LayerResult(new DecryptionFacts(Smime, key.Fingerprint, cipher, warnings, null, null), null,
                    new MimePlaintext(plaintext));
            }
            catch (Exception)
            {
                return new LayerResult(Decryption(Smime, InboundFailure.Corrupt,
                    "The encrypted data could not be decrypted with the matching private key: it is damaged or truncated.",
                    key.Fingerprint, cipher), null, null);
            }
        }

        return new LayerResult(Decryption(Smime, InboundFailure.NoPrivateKey, NoPrivateKeyMessage, null, cipher), null, null);
    }

    private static LayerResult Failed(string code, string message) => new(Decryption(Smime, code, message), null, null);

    private static X509Certificate? Certificate(byte[] der)
    {
        try
        {
            return ParsedKeys.Certificate(der);
        }
        catch (Exception)
        {
            return null;
        }
    }
}
