using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Failure facts: a code and the detail the Domain's message quotes (docs/messages.md#incoming). The words
/// users read are the Domain's (<see cref="Verdict"/>).</summary>
internal static class Failures
{
    public static DecryptionFacts Decryption(MailSecuritySystem system, SecurityCode code, string? detail,
        string? keyFingerprint = null, string? cipher = null) =>
        new(system, keyFingerprint, cipher, [], code, detail);

    public static SignatureFacts Signature(MailSecuritySystem system, SecurityCode code, string? detail = null) =>
        new(system, code, detail, null, null, null, null, null);

    public static LayerResult Failed(SecurityLayer layer, SecurityCode code, string? detail) => layer.Protects == Protection.Encryption
        ? new LayerResult(Decryption(layer.System, code, detail), null, null)
        : new LayerResult(null, Signature(layer.System, code, detail), null);
}
