using SecureMail.Domain.Common;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Keystore.Collected;

public enum CollectedKeyStatus
{
    Pending,
    Imported,
    Lapsed,
    Dismissed,
}

/// <summary>One carried key's life as a candidate: collected (maybe again and again), then imported, dismissed by an
/// admin, or lapsed (superseded by newer candidates for its address, or expired). A key an admin dismissed is not
/// collected again: otherwise every new mail would put a rejected key back on the list.</summary>
public sealed record CollectedKey(Guid Id, MailSecuritySystem System, string Fingerprint, CollectedKeyStatus Status, KeyOrigin LatestOrigin)
    : IEvolving<CollectedKey>
{
    // Named apart from Marten's Create/Apply conventions: the store folds a candidate through Evolution alone (ADR 38).
    public static Evolution<CollectedKey> Evolution { get; } = new Evolution<CollectedKey>()
        .Fold<KeyCollectedFromMail>((key, e) => key is null ? Collected(e) : key with { Status = CollectedKeyStatus.Pending, LatestOrigin = e.Origin })
        .On<CollectedKeyImported>((key, _) => key with { Status = CollectedKeyStatus.Imported })
        .On<CollectedKeyDismissed>((key, e) =>
            key with { Status = e.Reason == CollectedKeys.ByAdmin ? CollectedKeyStatus.Dismissed : CollectedKeyStatus.Lapsed });

    public static CollectedKey Collected(KeyCollectedFromMail e) =>
        new(e.CollectedKeyId, e.System, e.Certificate?.Fingerprint ?? e.PgpKey!.Fingerprint, CollectedKeyStatus.Pending, e.Origin);

    public CollectedKey After(object e) => Evolution.Evolve(this, e, 0) ?? this;
}

public static class CollectedKeys
{
    public const string ByAdmin = "dismissed";
    public const string Superseded = "superseded";
    public const string Expired = "expired";

    public static Guid IdFor(MailSecuritySystem system, string fingerprint) => KeystoreIds.ForCollectedKey(system, fingerprint);

    /// <param name="held">The keystore holds this fingerprint now: there is nothing to review. A key imported once and
    /// removed since is collected again.</param>
    public static IReadOnlyList<object> Collect(CollectedKey? current, CarriedKey key, bool held, KeyOrigin origin, string actor, DateTimeOffset now) =>
        held || current is { Status: CollectedKeyStatus.Dismissed } || key.Emails.Count == 0
            ? []
            : [new KeyCollectedFromMail(IdFor(key.System, key.Fingerprint), key.System, key.Source, key.Certificate, key.PgpKey, origin, actor, now)];

    public static Decision Dismiss(CollectedKey? current, string reason, string actor, DateTimeOffset now) =>
        current is not { Status: CollectedKeyStatus.Pending }
            ? Decision.Reject(RejectionKind.NotFound, "There is no such candidate key waiting for review.")
            : Decision.Accept(new CollectedKeyDismissed(current.Id, current.Fingerprint, reason, actor, now));

    /// <summary>The keystore's own import decides whether the key may be held; this records that the candidate was taken.</summary>
    public static Decision Import(CollectedKey? current, string actor, DateTimeOffset now) =>
        current is not { Status: CollectedKeyStatus.Pending }
            ? Decision.Reject(RejectionKind.NotFound, "There is no such candidate key waiting for review.")
            : Decision.Accept(new CollectedKeyImported(current.Id, current.Fingerprint, current.LatestOrigin, actor, now));

    /// <summary>Mail cannot flood the review list: per address, only the newest <paramref name="perAddress"/> candidates
    /// stay, and a candidate nobody imported within <paramref name="retention"/> lapses.</summary>
    /// <param name="pending">Pending candidates sharing an address with a newly collected key, with the last time each was seen.</param>
    public static IReadOnlyList<(Guid Id, string Reason)> Lapsing(IReadOnlyList<PendingCandidate> pending, int perAddress, TimeSpan retention,
        DateTimeOffset now)
    {
        var expired = pending.Where(p => now - p.LastSeenAt > retention).Select(p => (p.Id, Expired)).ToList();
        var superseded = pending.Where(p => now - p.LastSeenAt <= retention)
            .SelectMany(p => p.Emails.Select(email => (Email: email, Candidate: p)))
            .GroupBy(x => x.Email)
            .SelectMany(g => g.Select(x => x.Candidate).OrderByDescending(c => c.LastSeenAt).ThenBy(c => c.Id).Skip(perAddress))
            .Select(p => (p.Id, Superseded));
        return expired.Concat(superseded).DistinctBy(x => x.Id).ToList();
    }
}

public sealed record PendingCandidate(Guid Id, IReadOnlyList<string> Emails, DateTimeOffset LastSeenAt);
