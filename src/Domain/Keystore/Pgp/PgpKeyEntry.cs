using SecureMail.Domain.Common;

namespace SecureMail.Domain.Keystore.Pgp;

/// <param name="DomainAlias">The domain whose addresses without a key of their own this key stands for, lowercased.</param>
public sealed record PgpKeyEntry(Guid Id, PgpKeyFacts Key, bool HasSecretKey, bool Removed, string? DomainAlias = null)
{
    public static PgpKeyEntry Create(PgpKeyImported e) => new(e.PgpKeyId, e.Key, false, false);

    public PgpKeyEntry Apply(PgpKeyImported e) => this with { Key = e.Key, HasSecretKey = false, Removed = false };

    public PgpKeyEntry Apply(PgpKeyRefreshed e) => this with { Key = e.Key };

    public PgpKeyEntry Apply(PgpSecretKeyImported e) => this with { HasSecretKey = true };

    public PgpKeyEntry Apply(PgpKeyRemoved e) => this with { HasSecretKey = false, Removed = true, DomainAlias = null };

    public PgpKeyEntry Apply(PgpKeyDomainAliasSet e) => this with { DomainAlias = e.Domain };

    public PgpKeyEntry Apply(PgpKeyDomainAliasRemoved e) => this with { DomainAlias = null };

    public bool IsHeld => !Removed;

    /// <summary>A key not held is imported. For a key already held, a newer copy refreshes it with what changed, and a
    /// secret key may follow its public key (the usual order of an admin's work); a copy that brings nothing new is a duplicate.</summary>
    /// <param name="key">For a key not held, the key as uploaded. For a key held, the held key merged with the uploaded copy
    /// (only what the key's own signatures vouch for), never the copy alone: the copy may lack what the held key knows, a revocation included.</param>
    public static Decision Import(PgpKeyEntry? current, PgpKeyFacts key, bool withSecretKey, string actor, DateTimeOffset now,
        Collected.KeyOrigin? origin = null)
    {
        var id = KeystoreIds.ForPgpKey(key.Fingerprint);
        var secret = new PgpSecretKeyImported(id, key.Fingerprint, actor, now);
        if (current is { IsHeld: true })
            return Refresh(current, key, withSecretKey && !current.HasSecretKey ? secret : null, actor, now);
        if (key.Emails.Count == 0)
            return Decision.Reject(RejectionKind.Invalid, $"The PGP key {key.Fingerprint} has no user ID with an e-mail address.");
        if (KeyPolicy.Of(key, now) is { } weak)
            return Decision.Reject(RejectionKind.Invalid, $"The PGP key {key.Fingerprint} has {weak}.");
        var imported = new PgpKeyImported(id, key, actor, now, origin);
        return withSecretKey ? Decision.Accept(imported, secret) : Decision.Accept(imported);
    }

    public static Decision Remove(PgpKeyEntry? current, string actor, DateTimeOffset now) =>
        current is not { IsHeld: true }
            ? Decision.Reject(RejectionKind.NotFound, "There is no such PGP key in the keystore.")
            : Decision.Accept(new PgpKeyRemoved(current.Id, current.Key.Fingerprint, current.HasSecretKey, actor, now));

    /// <summary>Idempotent: the alias already set yields no event. A key has one alias at most; a new domain replaces it.</summary>
    /// <param name="domain">A domain name, already checked for its syntax.</param>
    public static Decision SetDomainAlias(PgpKeyEntry? current, string domain, string actor, DateTimeOffset now)
    {
        if (current is not { IsHeld: true })
            return Decision.Reject(RejectionKind.NotFound, "There is no such PGP key in the keystore.");
        var wanted = domain.ToLowerInvariant();
        return wanted == current.DomainAlias
            ? Decision.Accept()
            : Decision.Accept(new PgpKeyDomainAliasSet(current.Id, current.Key.Fingerprint, wanted, actor, now));
    }

    /// <summary>Idempotent: a key with no alias yields no event.</summary>
    public static Decision RemoveDomainAlias(PgpKeyEntry? current, string actor, DateTimeOffset now) => current switch
    {
        not { IsHeld: true } => Decision.Reject(RejectionKind.NotFound, "There is no such PGP key in the keystore."),
        { DomainAlias: { } domain } => Decision.Accept(new PgpKeyDomainAliasRemoved(current.Id, current.Key.Fingerprint, domain, actor, now)),
        _ => Decision.Accept(),
    };

    private static Decision Refresh(PgpKeyEntry current, PgpKeyFacts merged, PgpSecretKeyImported? secret, string actor, DateTimeOffset now)
    {
        var changes = PgpKeyChanges.Between(current.Key, merged);
        var events = new List<object>();
        if (changes.Count > 0)
            events.Add(new PgpKeyRefreshed(current.Id, merged.Fingerprint, merged, changes, actor, now));
        if (secret is not null)
            events.Add(secret);
        return events.Count > 0
            ? Decision.Accept([.. events])
            : Decision.Reject(RejectionKind.Conflict,
                $"The PGP key {merged.Fingerprint} is already in the keystore, and this copy brings no new revocation, expiry, user ID or subkey.");
    }
}
