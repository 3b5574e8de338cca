using SecureMail.Application.Inbound;
using SecureMail.Domain.Common;
using Wolverine;

namespace SecureMail.Application.Keystore;

/// <param name="Status">imported, alreadyPresent, privateKeyImported, privateKeyRemoved, removed.</param>
public sealed record KeystoreChangeItem(string Fingerprint, string Status);

/// <summary>What a keystore command did, item by item, or why it did nothing.</summary>
public sealed record KeystoreChange(IReadOnlyList<KeystoreChangeItem> Items, Rejection? Rejection)
{
    public static KeystoreChange Rejected(RejectionKind kind, string message) => new([], new Rejection(kind, message));

    public static KeystoreChange Rejected(Rejection rejection) => new([], rejection);
}

/// <summary>An upload of several items (a PEM bundle, a keyring) is all or nothing for rule violations;
/// items already held are reported, not refused, unless nothing at all is new.</summary>
public static class BatchImport
{
    /// <param name="Arrives">What the item brings that articles may be waiting for.</param>
    public sealed record Planned(string Fingerprint, Decision Decision, Action<IReadOnlyList<object>> Append, string AcceptedStatus = "imported",
        IReadOnlyList<ArrivedKey>? Arrives = null);

    /// <summary>Commits, and has every article waiting for what was imported processed again.</summary>
    public static (KeystoreChange, OutgoingMessages) CommitAndRetry(IReadOnlyList<Planned> plan, string actor)
    {
        var change = Commit(plan);
        return (change, change.Rejection is null
            ? KeysArrived.After(actor, plan.Where(p => p.Decision.Accepted).SelectMany(p => p.Arrives ?? []))
            : []);
    }

    public static KeystoreChange Commit(IReadOnlyList<Planned> plan)
    {
        if (plan.Count == 0)
            return KeystoreChange.Rejected(RejectionKind.Invalid, "The upload holds nothing to import.");
        if (plan.FirstOrDefault(p => p.Decision.Rejection?.Kind is RejectionKind.Invalid or RejectionKind.NotFound) is { } invalid)
            return KeystoreChange.Rejected(invalid.Decision.Rejection!);
        if (plan.All(p => !p.Decision.Accepted))
            return KeystoreChange.Rejected(RejectionKind.Conflict, string.Join(" ", plan.Select(p => p.Decision.Rejection!.Message)));
        foreach (var p in plan.Where(p => p.Decision.Accepted))
            p.Append(p.Decision.Events);
        return new KeystoreChange(
            plan.Select(p => new KeystoreChangeItem(p.Fingerprint, p.Decision.Accepted ? p.AcceptedStatus : "alreadyPresent")).ToList(),
            null);
    }
}
