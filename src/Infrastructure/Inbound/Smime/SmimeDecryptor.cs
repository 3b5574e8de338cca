using Org.BouncyCastle.X509;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Infrastructure.Algorithms;
using SecureMail.Infrastructure.Keys;
using static SecureMail.Infrastructure.Inbound.Failures;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Decrypts enveloped-data (CBC) and authenticated enveloped-data (AES-GCM) with our keys only, one key loop
/// for both. CBC has no integrity of its own, so CBC content that opens counts as decrypted, with weak ciphers named;
/// GCM content whose tag does not match is not decrypted at all.</summary>
internal static class SmimeDecryptor
{
    private const MailSecuritySystem Smime = MailSecuritySystem.SMIME;

    public static LayerResult Decrypt(byte[] cms, DecryptionKeys keys, CancellationToken cancellation)
    {
        CmsEnvelope envelope;
        try
        {
            envelope = CmsEnvelope.Read(cms);
        }
        catch (EnvelopeRefusal refusal)
        {
            return Failed(refusal.Code, refusal.Message);
        }

        foreach (var key in keys.Smime)
        {
            var certificate = Certificate(key.Certificate);
            var recipient = certificate is null ? null : envelope.Recipients.FirstOrDefault(r => CmsIdentifiers.Matches(r.Id, certificate));
            if (recipient is null)
                continue;

            try
            {
                var plaintext = recipient.Open(key);
                var warnings = CmsNames.IsWeak(envelope.Cipher)
                    ? new[] { $"The message was encrypted with {envelope.Cipher}, a weak cipher; it was decrypted anyway." }
                    : [];
                return new LayerResult(new DecryptionFacts(Smime, key.Fingerprint, envelope.Cipher, warnings, null, null), null,
                    new MimePlaintext(plaintext));
            }
            catch (EnvelopeRefusal refusal)
            {
                return Failed(refusal.Code, refusal.Message, key.Fingerprint, envelope.Cipher);
            }
            catch (Exception)
            {
                return Failed(SecurityCode.Corrupt,
                    "The encrypted data could not be decrypted with the matching private key: it is damaged or truncated.",
                    key.Fingerprint, envelope.Cipher);
            }
        }

        return Failed(SecurityCode.NoPrivateKey, null, null, envelope.Cipher);
    }

    private static LayerResult Failed(SecurityCode code, string? detail, string? keyFingerprint = null, string? cipher = null) =>
        new(Decryption(Smime, code, detail, keyFingerprint, cipher), null, null);

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
