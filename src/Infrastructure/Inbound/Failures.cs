using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Failure facts with the words users see (docs/messages.md#incoming) for the common reasons.</summary>
internal static class Failures
{
    public const string NoPrivateKeyMessage = "Unable to find private key to decrypt";
    public const string UnknownSignerMessage = "Unable to find certificate for validation";
    public const string TamperedMessage = "The signature does not match the content: the message was changed after signing.";

    public static DecryptionFacts Decryption(MailSecuritySystem system, string code, string message,
        string? keyFingerprint = null, string? cipher = null) =>
        new(system, keyFingerprint, cipher, [], code, message);

    public static SignatureFacts Signature(MailSecuritySystem system, string code, string message) =>
        new(system, code, message, null, null, null, null, null);

    public static LayerResult Failed(SecurityLayer layer, string code, string message) => layer.Protects == Protection.Encryption
        ? new LayerResult(Decryption(layer.System, code, message), null, null)
        : new LayerResult(null, Signature(layer.System, code, message), null);
}
