using SecureMail.Domain.Keystore;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Inbound;

/// <param name="Code">Null on success; else one of <see cref="SecurityCode"/>.</param>
/// <param name="Cipher">e.g. AES-256-CBC, AES-256, 3DES.</param>
/// <param name="Warnings">e.g. a weak cipher that was still decrypted.</param>
public sealed record DecryptionFacts(MailSecuritySystem System, string? KeyFingerprint, string? Cipher, IReadOnlyList<string> Warnings, SecurityCode? Code, string? Detail);

/// <summary>What verifying the envelope's signature layer found. The reader checks what needs cryptography; the
/// Domain adds expiry at the current time, revocation, key usage, digest strength and the From match.</summary>
/// <param name="Code">Null when every signature verified over the content and (S/MIME) the chain reached an imported anchor,
/// (PGP) the signing key is in the keystore with a valid binding and no unknown critical subpacket; else one of <see cref="SecurityCode"/>.</param>
/// <param name="Certificate">S/MIME signer certificate, when known (it may have come in the message: a fact, never a trust).</param>
/// <param name="PgpKey">PGP signer's key, when it is in the keystore.</param>
/// <param name="SigningKeyFingerprint">The certificate's, or the PGP (sub)key's that signed.</param>
/// <param name="Digest">e.g. SHA-256, SHA-1, MD5.</param>
/// <param name="SignedAt">The signing time the message claims (information only).</param>
public sealed record SignatureFacts(
    MailSecuritySystem System,
    SecurityCode? Code,
    string? Detail,
    CertificateFacts? Certificate,
    PgpKeyFacts? PgpKey,
    string? SigningKeyFingerprint,
    string? Digest,
    DateTimeOffset? SignedAt);
