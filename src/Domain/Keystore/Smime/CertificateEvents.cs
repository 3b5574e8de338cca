namespace SecureMail.Domain.Keystore.Smime;

/// <summary>An admin imported an S/MIME certificate (public material only).</summary>
/// <param name="WithPrivateKey">It came in a PKCS#12 as the certificate of the private key uploaded with it, not by a
/// certificate import: a mail identity, never an authority for other certificates, whatever its basic constraints say.</param>
/// <param name="Origin">The article that carried it, when the admin took it from the candidate keys.</param>
/// <param name="TrustAnchor">The admin imported it as a trust anchor: it vouches for the certificates it issues. Events
/// written before the field read as false, also for CA certificates that were then trusted as issuers: intent that was
/// never stated is not assumed, so such a certificate is an anchor only once an admin imports it as one again.</param>
public sealed record CertificateImported(
    Guid CertificateId,
    CertificateFacts Certificate,
    string ImportedBy,
    DateTimeOffset ImportedAt,
    bool WithPrivateKey = false,
    Collected.KeyOrigin? Origin = null,
    bool TrustAnchor = false);

/// <summary>The private key of a certificate went into the vault. The key itself is never in an event.</summary>
/// <param name="Source">"pkcs12" or "pkcs8".</param>
public sealed record PrivateKeyImported(
    Guid CertificateId,
    string CertificateFingerprint,
    string Source,
    string ImportedBy,
    DateTimeOffset ImportedAt);

/// <summary>An admin removed a certificate's private key: it was destroyed in the vault; the certificate stays, for
/// encryption to it and for verifying its signatures. The key itself is never in an event.</summary>
public sealed record PrivateKeyRemoved(
    Guid CertificateId,
    string CertificateFingerprint,
    string RemovedBy,
    DateTimeOffset RemovedAt);

/// <summary>An admin removed a certificate; its private key, if any, was destroyed in the vault.</summary>
public sealed record CertificateRemoved(
    Guid CertificateId,
    string CertificateFingerprint,
    bool PrivateKeyDestroyed,
    string RemovedBy,
    DateTimeOffset RemovedAt);

/// <summary>An admin removed the CRL held for a CA: its certificates count as not revoked until a CRL of it is imported again.</summary>
public sealed record CrlRemoved(
    Guid RevocationListId,
    string IssuerFingerprint,
    string CrlFingerprint,
    string RemovedBy,
    DateTimeOffset RemovedAt);

/// <summary>An admin imported a CRL issued (and signed) by a trust anchor.</summary>
/// <param name="IssuerKeyIdentifier">The subject key identifier of that CA certificate, which stands for the CRL's own
/// authority key identifier when the CRL has none.</param>
public sealed record CrlImported(
    Guid RevocationListId,
    string IssuerFingerprint,
    CrlFacts Crl,
    string ImportedBy,
    DateTimeOffset ImportedAt,
    string? IssuerKeyIdentifier = null);
