using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore;

public static class KeystoreEntryKind
{
    public const string SmimeCertificate = "smime-certificate";
    public const string PgpKey = "pgp-key";
}

/// <summary>Read model: one document per certificate or PGP key held. Removal deletes the document;
/// the history stays in the events. Time-dependent flags (expired, usable) are computed when read.</summary>
public sealed record KeystoreEntry
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string Fingerprint { get; init; }
    /// <summary>Lowercased, so an indexed equality query is a case-insensitive match.</summary>
    public required IReadOnlyList<string> Emails { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>PGP: the key ids (16 uppercase hex) of the primary key and every subkey, for finding a signer by issuer key id.</summary>
    public IReadOnlyList<string> KeyIds { get; init; } = [];
    public bool HasPrivateKey { get; init; }
    /// <summary>The certificate came in a PKCS#12 as its key's own certificate (<see cref="CertificateImported.WithPrivateKey"/>).
    /// Stored this way round so that documents written before it keep their meaning (false: an explicit import).</summary>
    public bool CameWithPrivateKey { get; init; }
    /// <summary>An admin imported it as a trust anchor (<see cref="CertificateImported.TrustAnchor"/>): the only certificates
    /// that vouch for others.</summary>
    public bool TrustAnchor { get; init; }
    public CertificateFacts? Certificate { get; init; }
    public PgpKeyFacts? PgpKey { get; init; }
    /// <summary>PGP: the domain (lowercased) whose addresses without a key of their own this key stands for, when the
    /// domain-alias setting is on.</summary>
    public string? DomainAlias { get; init; }
    public required string ImportedBy { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
}
