using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Infrastructure.Algorithms;
using static SecureMail.Infrastructure.Inbound.Failures;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>Decrypts with our secret keys and insists on integrity protection, which BouncyCastle (and MimeKit over
/// it) leave to the caller: without SEIPD, or with an MDC that does not match after the whole stream was read, the
/// plaintext is thrown away unused (EFAIL: CFB gadgets and stripped MDC; RFC 4880 §5.13).</summary>
internal static class PgpDecryptor
{
    private const MailSecuritySystem Pgp = MailSecuritySystem.PGP;

    public static LayerResult Decrypt(PgpMessage layer, DecryptionKeys keys, CancellationToken cancellation)
    {
        if (PgpPacketTags.LeadingSessionKeys(layer.Packets, InboundBudget.MaxSessionKeys) > InboundBudget.MaxSessionKeys)
            return Failed(SecurityCode.TooComplex,
                $"The message holds more than {InboundBudget.MaxSessionKeys} session keys; it was not decrypted.");

        PgpObjectFactory factory;
        PgpEncryptedDataList list;
        try
        {
            factory = new PgpObjectFactory(layer.Packets);
            var first = factory.NextPgpObject();
            while (first is PgpMarker)
                first = factory.NextPgpObject();
            if (first is not PgpEncryptedDataList encrypted)
                return Failed(SecurityCode.Malformed, "The encrypted part holds no encrypted OpenPGP data.");
            list = encrypted;
        }
        catch (Exception)
        {
            return Failed(SecurityCode.Corrupt, PgpArmor.Unreadable);
        }

        if (PgpSecretKeys.Match(list, keys.Pgp, cancellation, out var outOfTrials) is not (var data, var privateKey, var fingerprint))
            return outOfTrials
                ? Failed(SecurityCode.TooComplex, "The message hides its recipients (key ID 0) in more session keys than are tried " +
                    $"({InboundBudget.MaxAnonymousTrials} trial decryptions); it was not decrypted.")
                : Failed(SecurityCode.NoPrivateKey, null);

        if (!data.IsIntegrityProtected())
            return Failed(SecurityCode.NoIntegrity,
                "The message has no integrity protection (no MDC); it was not decrypted, as it may have been modified.", fingerprint);

        string? cipher;
        byte[] plaintext;
        try
        {
            var clear = data.GetDataStream(privateKey);
            cipher = PgpNames.Cipher(data.GetSymmetricAlgorithm(privateKey));
            plaintext = PgpArmor.ReadAll(clear);
        }
        catch (Exception)
        {
            return Failed(SecurityCode.Corrupt, "The encrypted data could not be decrypted: it is damaged or truncated.", fingerprint);
        }

        if (!Intact(data))
            return Failed(SecurityCode.NoIntegrity,
                "The integrity check (MDC) failed: the encrypted message was modified; its content was discarded.", fingerprint, cipher);
        if (!NothingAfter(factory))
            return Failed(SecurityCode.Malformed,
                "OpenPGP packets were found outside the encrypted data; the message was not used.", fingerprint, cipher);

        return Opened(plaintext, layer.Inline, fingerprint, cipher);
    }

    /// <summary>Signatures inside (RFC 3156 §6.2) are left to the second step, once their keys are loaded.</summary>
    private static LayerResult Opened(byte[] plaintext, bool inline, string fingerprint, string? cipher)
    {
        PgpPlainMessage message;
        try
        {
            message = PgpPlainMessage.Read(plaintext);
        }
        catch (OverBudget over)
        {
            return Failed(SecurityCode.TooComplex, $"{over.Excess}; it was not used.", fingerprint, cipher);
        }
        catch (Exception)
        {
            return Failed(SecurityCode.Corrupt, "The decrypted data is not a well-formed OpenPGP message.", fingerprint, cipher);
        }

        var warnings = cipher is "3DES" or "CAST5" or "IDEA" or "Blowfish"
            ? new[] { $"The message was encrypted with {cipher}, a weak cipher; it was decrypted anyway." }
            : [];
        Plaintext inside = inline ? new InlinePlaintext(Encoding.UTF8.GetString(message.Literal)) : new MimePlaintext(message.Literal);
        return new LayerResult(new DecryptionFacts(Pgp, fingerprint, cipher, warnings, null, null), null, inside)
        {
            SignedInside = message.Signatures.Count > 0 ? new PgpSignedContent(message.Signatures, message.Literal) : null,
        };
    }

    private static bool Intact(PgpEncryptedData data)
    {
        try
        {
            return data.Verify();
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static bool NothingAfter(PgpObjectFactory factory)
    {
        try
        {
            return factory.NextPgpObject() is null;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static LayerResult Failed(SecurityCode code, string? detail, string? fingerprint = null, string? cipher = null) =>
        new(Decryption(Pgp, code, detail, fingerprint, cipher), null, null);
}
