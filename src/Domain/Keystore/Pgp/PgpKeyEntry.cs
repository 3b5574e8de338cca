using SecureMail.Domain.Common;

namespace SecureMail.Domain.Keystore.Pgp;

public sealed record PgpKeyEntry(Guid Id, PgpKeyFacts Key, bool HasSecretKey, bool Removed)
{
    public static PgpKeyEntry Create(PgpKeyImported e) => new(e.PgpKeyId, e.Key, false, false);

    public PgpKeyEntry Apply(PgpKeyImported e) => this with { Key = e.Key, HasSecretKey = false, Removed = false };

    public PgpKeyEntry Apply(PgpSecretKeyImported e) => this with { HasSecretKey = true };

    public PgpKeyEntry Apply(PgpKeyRemoved e) => this with { HasSecretKey = false, Removed = true };

    public bool IsHeld => !Removed;

    /// <summary>A secret key may follow its public key (the usual order of an admin's work); anything else already held is a duplicate.</summary>
    public static Decision Import(PgpKeyEntry? current, PgpKeyFacts key, bool withSecretKey, string actor, DateTimeOffset now,
        Collected.KeyOrigin? origin = null)
    {
        if (key.Emails.Count == 0)
            return Decision.Reject(RejectionKind.Invalid, $"The PGP key {key.Fingerprint} has no user ID with an e-mail address.");
        var id = KeystoreIds.ForPgpKey(key.Fingerprint);
        var secret = new PgpSecretKeyImported(id, key.Fingerprint, actor, now);
        if (current is { IsHeld: true })
            return withSecretKey && !current.HasSecretKey
                ? Decision.Accept(secret)
                : Decision.Reject(RejectionKind.Conflict, $"The PGP key {key.Fingerprint} is already in the keystore.");
        if (KeyPolicy.Of(key, now) is { } weak)
            return Decision.Reject(RejectionKind.Invalid, $"The PGP key {key.Fingerprint} has {weak}.");
        var imported = new PgpKeyImported(id, key, actor, now, origin);
        return withSecretKey ? Decision.Accept(imported, secret) : Decision.Accept(imported);
    }

    public static Decision Remove(PgpKeyEntry? current, string actor, DateTimeOffset now) =>
        current is not { IsHeld: true }
            ? Decision.Reject(RejectionKind.NotFound, "There is no such PGP key in the keystore.")
            : Decision.Accept(new PgpKeyRemoved(current.Id, current.Key.Fingerprint, current.HasSecretKey, actor, now));
}
