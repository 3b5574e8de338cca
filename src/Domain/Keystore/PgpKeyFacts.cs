namespace SecureMail.Domain.Keystore;

/// <summary>What an OpenPGP transferable public key says about itself, read once at import.</summary>
/// <param name="Fingerprint">Primary key fingerprint, uppercase hex (40 chars for v4).</param>
/// <param name="KeyId">Low 64 bits, uppercase hex (16 chars).</param>
/// <param name="UserIds">Every user ID string with a valid self-signature, revoked ones excluded.</param>
/// <param name="Emails">The e-mail addresses in those user IDs, lowercased, distinct.</param>
/// <param name="ExpiresAt">From the latest primary self-signature; null when it never expires.</param>
/// <param name="Revoked">A valid key revocation signature is present.</param>
/// <param name="Algorithm">"RSA", "ECDSA", "EdDSA", "ECDH", "DSA", "ElGamal", ...</param>
/// <param name="KeyFlags">Of the primary key, from its self-signature: certify, sign, encryptCommunications, encryptStorage, authenticate.</param>
/// <param name="PublicKey">The transferable public key, binary, base64 (public material).</param>
/// <param name="Curve">EC keys: the curve (P-256, Ed25519, Curve25519, brainpoolP256r1, ...); null for other keys, and in
/// events written before it was read.</param>
/// <param name="SelfSignatureDigests">The digests (SHA-256, SHA-1, ...) of the self-signatures these facts rest on: each
/// user ID's current certification, or the direct-key signature; null in events written before they were read.</param>
public sealed record PgpKeyFacts(
    string Fingerprint,
    string KeyId,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> Emails,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    bool Revoked,
    string Algorithm,
    int KeySize,
    IReadOnlyList<string> KeyFlags,
    IReadOnlyList<PgpSubkeyFacts> Subkeys,
    string PublicKey,
    string? Curve = null,
    IReadOnlyList<string>? SelfSignatureDigests = null);

/// <param name="KeyFlags">From the subkey binding signature; empty when the binding is missing or invalid.</param>
/// <param name="Curve">As <see cref="PgpKeyFacts.Curve"/>.</param>
/// <param name="BindingDigest">The digest of the valid binding signature; null when there is none, and in events
/// written before it was read.</param>
public sealed record PgpSubkeyFacts(
    string Fingerprint,
    string KeyId,
    string Algorithm,
    int KeySize,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    bool Revoked,
    IReadOnlyList<string> KeyFlags,
    string? Curve = null,
    string? BindingDigest = null);
