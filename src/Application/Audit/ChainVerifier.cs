namespace SecureMail.Application.Audit;

/// <summary>
/// Walks the event log and the chain together in sequence order and stops at the first mismatch. Pure: the caller
/// feeds it rows from one database snapshot (<paramref name="chainedUpTo"/> is the highest sequence the chain held
/// in that snapshot) and looks up where reordered data came from.
/// </summary>
public sealed class ChainVerifier(ChainHash chain, long chainedUpTo, IEnumerable<Checkpoint> checkpoints, IEnumerable<PinnedCheckpoint> pins)
{
    private readonly Dictionary<long, Checkpoint> checkpoints = checkpoints.ToDictionary(c => c.Position);
    private readonly ILookup<long, PinnedCheckpoint> pins = pins.ToLookup(p => p.Sequence);
    private readonly HashSet<PinnedCheckpoint> pinsSeen = [];
    private byte[] previous = ChainHash.Genesis;

    public long EventsChecked { get; private set; }
    public int CheckpointsChecked { get; private set; }
    public int PinsChecked => pinsSeen.Count;
    public long Pending { get; private set; }
    public ChainLink? Last { get; private set; }

    /// <summary>Set by <see cref="DescribeEdit"/> when the event's data changed: its digest, to look for elsewhere in the chain.</summary>
    public byte[]? ChangedData { get; private set; }

    private ChainLink? edited;

    public TamperFinding? Event(EventDigest stored, ChainLink? link)
    {
        if (link is null)
        {
            if (stored.Sequence > chainedUpTo)
            {
                Pending++;
                return null;
            }
            return new(TamperKind.Inserted, stored.Sequence, stored.StreamId,
                $"Event {stored.Sequence} lies below the chain's head ({chainedUpTo}) but was never chained.");
        }
        var expected = (Last?.Position ?? 0) + 1;
        if (link.Position != expected)
            return new(TamperKind.Deleted, stored.Sequence, stored.StreamId,
                $"The chain expected position {expected} at event {stored.Sequence} and found {link.Position}: {link.Position - expected} chained event(s) before it were removed with their chain records.");
        var digest = stored.Digest;
        if (!digest.AsSpan().SequenceEqual(link.Digest))
        {
            edited = link;
            return new(TamperKind.Edited, stored.Sequence, stored.StreamId, $"Event {stored.Sequence} no longer matches what was chained.");
        }
        var hash = chain.Next(previous, digest);
        if (!hash.AsSpan().SequenceEqual(link.Hash))
            return new(TamperKind.ChainAltered, stored.Sequence, stored.StreamId,
                $"Event {stored.Sequence} matches its recorded digest but its chain hash does not follow from the previous one: the chain record was altered, or this is not the key that wrote the chain.");
        previous = hash;
        Last = link;
        EventsChecked++;
        return CheckPoints(link);
    }

    /// <summary>Says what changed in the event of an <see cref="TamperKind.Edited"/> finding, given the SHA-256 of its
    /// data's text now: only its metadata, or its data (then <see cref="ChangedData"/> is set).</summary>
    public TamperFinding DescribeEdit(TamperFinding finding, byte[] dataDigest)
    {
        var link = edited ?? throw new InvalidOperationException("No event was found edited.");
        ChangedData = dataDigest.AsSpan().SequenceEqual(link.DataDigest) ? null : dataDigest;
        return finding with
        {
            Detail = ChangedData is null
                ? $"Event {finding.Sequence}'s metadata (stream, version, type, time, tenant or id) no longer matches what was chained."
                : $"Event {finding.Sequence}'s data no longer matches what was chained.",
        };
    }

    /// <summary>A chain record whose event is no longer in the log.</summary>
    public TamperFinding Orphan(ChainLink link) =>
        new(TamperKind.Deleted, link.Sequence, link.StreamId, $"Event {link.Sequence} of stream {link.StreamId} was chained and is no longer in the log.");

    public TamperFinding Reordered(TamperFinding edited, long chainedAt) =>
        edited with
        {
            Kind = TamperKind.Reordered,
            Detail = $"Event {edited.Sequence} carries the data that was chained at sequence {chainedAt}.",
        };

    /// <summary>After the last row: checkpoints and pins the walk never reached mean the chain lost its tail.</summary>
    public TamperFinding? End()
    {
        var lastPosition = Last?.Position ?? 0;
        var lastSequence = Last?.Sequence ?? 0;
        if (checkpoints.Values.Where(c => c.Position > lastPosition).MinBy(c => c.Position) is { } lost)
            return new(TamperKind.Truncated, lost.Sequence, null,
                $"A checkpoint records position {lost.Position} (event {lost.Sequence}) but the chain ends at position {lastPosition}.");
        foreach (var pin in pins.SelectMany(p => p).Where(p => !pinsSeen.Contains(p)).OrderBy(p => p.Sequence))
            return pin.Sequence > lastSequence
                ? new(TamperKind.Truncated, pin.Sequence, null, $"A pinned checkpoint names event {pin.Sequence} but the chain ends at event {lastSequence}.")
                : new(TamperKind.PinMismatch, pin.Sequence, null, $"A pinned checkpoint names event {pin.Sequence}, which the chain does not hold.");
        return null;
    }

    private TamperFinding? CheckPoints(ChainLink link)
    {
        checkpoints.TryGetValue(link.Position, out var checkpoint);
        if (checkpoint is null && !pins.Contains(link.Sequence))
            return null;
        var hex = Convert.ToHexStringLower(link.Hash);
        if (checkpoint is not null)
        {
            if (checkpoint.Sequence != link.Sequence || !string.Equals(checkpoint.Hash, hex, StringComparison.OrdinalIgnoreCase))
                return new(TamperKind.CheckpointMismatch, link.Sequence, link.StreamId,
                    $"The checkpoint at position {link.Position} records event {checkpoint.Sequence} with hash {checkpoint.Hash}; the chain recomputes event {link.Sequence} with {hex}.");
            CheckpointsChecked++;
        }
        foreach (var pin in pins[link.Sequence])
        {
            if (!string.Equals(pin.Hash.Trim(), hex, StringComparison.OrdinalIgnoreCase))
                return new(TamperKind.PinMismatch, link.Sequence, link.StreamId,
                    $"The pinned hash for event {link.Sequence} is {pin.Hash}; the chain recomputes {hex}.");
            pinsSeen.Add(pin);
        }
        return null;
    }
}
