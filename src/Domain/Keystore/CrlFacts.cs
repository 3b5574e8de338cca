namespace SecureMail.Domain.Keystore;

/// <summary>What a certificate revocation list says, read at import.</summary>
/// <param name="Fingerprint">SHA-256 of the DER encoding, lowercase hex.</param>
/// <param name="Issuer">Issuer distinguished name, in the same rendering as <see cref="CertificateFacts.Subject"/>.</param>
/// <param name="AuthorityKeyIdentifier">Lowercase hex, when present.</param>
/// <param name="Der">The CRL itself, base64.</param>
public sealed record CrlFacts(
    string Fingerprint,
    string Issuer,
    string? AuthorityKeyIdentifier,
    DateTimeOffset ThisUpdate,
    DateTimeOffset? NextUpdate,
    IReadOnlyList<RevokedCertificate> Revoked,
    string Der);

/// <param name="SerialNumber">Uppercase hex, as in <see cref="CertificateFacts.SerialNumber"/>.</param>
public sealed record RevokedCertificate(string SerialNumber, DateTimeOffset RevokedAt);
