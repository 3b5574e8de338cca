namespace SecureMail.Application.Audit;

public enum TamperKind
{
    /// <summary>The event's stored form differs from what was chained.</summary>
    Edited,
    /// <summary>The event at this sequence carries data that was chained at another sequence.</summary>
    Reordered,
    /// <summary>A chained event is gone (the chain records it, or the chain's positions skip it).</summary>
    Deleted,
    /// <summary>An event below the chain's head that the chain never recorded.</summary>
    Inserted,
    /// <summary>The event matches its recorded digest but the hash does not follow: the chain table itself was edited.</summary>
    ChainAltered,
    /// <summary>A stored checkpoint does not match the recomputed chain.</summary>
    CheckpointMismatch,
    /// <summary>A checkpoint pinned outside the database does not match the recomputed chain.</summary>
    PinMismatch,
    /// <summary>The chain ends before a checkpoint's position or a pinned sequence: its tail was removed.</summary>
    Truncated,
}

public sealed record TamperFinding(TamperKind Kind, long Sequence, string? StreamId, string Detail);

public sealed record ChainHead(long Position, long Sequence, string Hash);

/// <summary>What a verification found. <paramref name="Pending"/> counts events above the chain's head that the
/// chainer has not reached yet: lag, not tampering.</summary>
public sealed record VerificationReport(
    bool Ok, long EventsChecked, int CheckpointsChecked, int PinsChecked, long Pending, ChainHead? Head, TamperFinding? Failure);
