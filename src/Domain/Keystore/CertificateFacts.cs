namespace SecureMail.Domain.Keystore;

/// <summary>What an S/MIME certificate says about itself, read once at import.</summary>
/// <param name="Fingerprint">SHA-256 of the DER encoding, lowercase hex.</param>
/// <param name="SerialNumber">Uppercase hex, no leading zeros beyond one byte.</param>
/// <param name="Emails">rfc822Name entries of subjectAltName plus emailAddress RDNs, lowercased, distinct.</param>
/// <param name="KeyUsages">Names from RFC 5280 §4.2.1.3 (digitalSignature, keyEncipherment, ...); null when the extension is absent.</param>
/// <param name="ExtendedKeyUsages">Names (emailProtection, serverAuth, anyExtendedKeyUsage, ...) or dotted OIDs; null when absent.</param>
/// <param name="KeyAlgorithm">"RSA", "EC", or the algorithm name of anything else (rejected at import).</param>
/// <param name="PublicKeyFingerprint">SHA-256 of the SubjectPublicKeyInfo DER, lowercase hex: how a private key finds its certificate.</param>
/// <param name="SubjectKeyIdentifier">Lowercase hex, when present.</param>
/// <param name="AuthorityKeyIdentifier">Lowercase hex, when present.</param>
/// <param name="Der">The certificate itself, base64 (public material).</param>
/// <param name="Curve">EC keys: the named curve (P-256, P-384, P-521, or another curve's name or OID), or
/// <see cref="KeyPolicy.ExplicitCurve"/>; null for other keys, and in events written before it was read.</param>
/// <param name="SignatureDigest">The digest of the certificate's own signature (SHA-256, SHA-1, MD5, ...); null in
/// events written before it was read.</param>
/// <param name="SelfSigned">The certificate's own key verifies its signature; null in events written before it was read.</param>
public sealed record CertificateFacts(
    string Fingerprint,
    string Subject,
    string Issuer,
    string SerialNumber,
    IReadOnlyList<string> Emails,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    IReadOnlyList<string>? KeyUsages,
    IReadOnlyList<string>? ExtendedKeyUsages,
    string KeyAlgorithm,
    int KeySize,
    bool IsCertificateAuthority,
    string PublicKeyFingerprint,
    string? SubjectKeyIdentifier,
    string? AuthorityKeyIdentifier,
    string Der,
    string? Curve = null,
    string? SignatureDigest = null,
    bool? SelfSigned = null);
