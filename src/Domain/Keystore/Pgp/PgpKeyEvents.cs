namespace SecureMail.Domain.Keystore.Pgp;

/// <summary>An admin imported an OpenPGP key (public part only).</summary>
/// <param name="Origin">The article that carried it, when the admin took it from the candidate keys.</param>
public sealed record PgpKeyImported(Guid PgpKeyId, PgpKeyFacts Key, string ImportedBy, DateTimeOffset ImportedAt, Collected.KeyOrigin? Origin = null);

/// <summary>The secret part of a PGP key went into the vault. Neither the key nor its passphrase is in the event.</summary>
public sealed record PgpSecretKeyImported(Guid PgpKeyId, string Fingerprint, string ImportedBy, DateTimeOffset ImportedAt);

/// <summary>An admin removed a PGP key; its secret part, if any, was destroyed in the vault.</summary>
public sealed record PgpKeyRemoved(Guid PgpKeyId, string Fingerprint, bool SecretKeyDestroyed, string RemovedBy, DateTimeOffset RemovedAt);

/// <summary>A newer copy of a held key brought what its owner signed since it was imported: a revocation, a new expiry,
/// a user ID or a subkey. <paramref name="Key"/> is the held key with those additions, as verification and encryption use it now.</summary>
/// <param name="Changes">Each change in words, e.g. "revoked", "expiry 2027-01-01 00:00:00Z -> 2028-01-01 00:00:00Z", "subkey ABC… added".</param>
public sealed record PgpKeyRefreshed(Guid PgpKeyId, string Fingerprint, PgpKeyFacts Key, IReadOnlyList<string> Changes, string RefreshedBy,
    DateTimeOffset RefreshedAt);

/// <summary>An admin let the key stand for every address of <paramref name="Domain"/> that has no PGP key of its own
/// (used only while the domain-alias setting is on).</summary>
public sealed record PgpKeyDomainAliasSet(Guid PgpKeyId, string Fingerprint, string Domain, string SetBy, DateTimeOffset SetAt);

/// <summary>An admin ended the key's domain alias.</summary>
public sealed record PgpKeyDomainAliasRemoved(Guid PgpKeyId, string Fingerprint, string Domain, string RemovedBy, DateTimeOffset RemovedAt);
