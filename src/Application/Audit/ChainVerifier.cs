namespace SecureMail.Application.Audit;

/// <summary>The chain record of one event as the walk reads it: spans over the reader's buffers, valid for the call.
/// A stored value of the wrong length is an empty span, which matches nothing.</summary>
public readonly ref struct StoredLink(long position, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> hash)
{
    public long Position { get; } = position;
    public ReadOnlySpan<byte> Digest { get; } = digest;
    public ReadOnlySpan<byte> Hash { get; } = hash;
}

/// <summary>
/// Walks the event log and the chain together in sequence order and stops at the first mismatch. Pure: the caller
/// feeds it rows from one database snapshot (<paramref name="chainedUpTo"/> is the highest sequence the chain held
/// in that snapshot), names the stream of a finding and looks up where reordered data came from. Nothing is allocated
/// per event (ADR 20).
/// </summary>
public sealed class ChainVerifier(ChainHash chain, long chainedUpTo, IEnumerable<Checkpoint> checkpoints, IEnumerable<PinnedCheckpoint> pins)
{
    private readonly Dictionary<long, Checkpoint> checkpoints = checkpoints.ToDictionary(c => c.Position);
    private readonly ILookup<long, PinnedCheckpoint> pins = pins.ToLookup(p => p.Sequence);
    private readonly HashSet<PinnedCheckpoint> pinsSeen = [];
    private readonly byte[] previous = (byte[])ChainHash.Genesis.Clone();
    private readonly byte[] next = new byte[ChainHash.Length];
    private long lastPosition, lastSequence;

    public long EventsChecked { get; private set; }
    public int CheckpointsChecked { get; private set; }
    public int PinsChecked => pinsSeen.Count;
    public long Pending { get; private set; }

    /// <summary>The last chain record the walk confirmed, if any.</summary>
    public ChainHead? Head => EventsChecked == 0 ? null : new(lastPosition, lastSequence, Convert.ToHexStringLower(previous));

    /// <summary>Set by <see cref="DescribeEdit"/> when the event's data changed: its digest, to look for elsewhere in the chain.</summary>
    public byte[]? ChangedData { get; private set; }

    /// <summary>An event the chain has no record of.</summary>
    public TamperFinding? Unchained(long sequence)
    {
        if (sequence > chainedUpTo)
        {
            Pending++;
            return null;
        }
        return new(TamperKind.Inserted, sequence, null, $"Event {sequence} lies below the chain's head ({chainedUpTo}) but was never chained.");
    }

    /// <summary>An event with its chain record; <paramref name="digest"/> is its record's digest as stored now.</summary>
    public TamperFinding? Chained(long sequence, ReadOnlySpan<byte> digest, StoredLink link)
    {
        var expected = lastPosition + 1;
        if (link.Position != expected)
            return new(TamperKind.Deleted, sequence, null,
                $"The chain expected position {expected} at event {sequence} and found {link.Position}: {link.Position - expected} chained event(s) before it were removed with their chain records.");
        if (!digest.SequenceEqual(link.Digest))
            return new(TamperKind.Edited, sequence, null, $"Event {sequence} no longer matches what was chained.");
        chain.Next(previous, digest, next);
        if (!next.AsSpan().SequenceEqual(link.Hash))
            return new(TamperKind.ChainAltered, sequence, null,
                $"Event {sequence} matches its recorded digest but its chain hash does not follow from the previous one: the chain record was altered, or this is not the key that wrote the chain.");
        next.CopyTo(previous);
        (lastPosition, lastSequence) = (link.Position, sequence);
        EventsChecked++;
        return CheckPoints();
    }

    /// <summary>Says what changed in the event of an <see cref="TamperKind.Edited"/> finding, given the SHA-256 of its
    /// data's text now and as chained: only its metadata, or its data (then <see cref="ChangedData"/> is set).</summary>
    public TamperFinding DescribeEdit(TamperFinding finding, byte[] dataDigest, byte[] chainedDataDigest)
    {
        ChangedData = dataDigest.AsSpan().SequenceEqual(chainedDataDigest) ? null : dataDigest;
        return finding with
        {
            Detail = ChangedData is null
                ? $"Event {finding.Sequence}'s metadata (stream, version, type, time, tenant or id) no longer matches what was chained."
                : $"Event {finding.Sequence}'s data no longer matches what was chained.",
        };
    }

    /// <summary>A chain record whose event is no longer in the log.</summary>
    public TamperFinding Orphan(long sequence) =>
        new(TamperKind.Deleted, sequence, null, $"Event {sequence} was chained and is no longer in the log.");

    public TamperFinding Reordered(TamperFinding edited, long chainedAt) =>
        edited with
        {
            Kind = TamperKind.Reordered,
            Detail = $"Event {edited.Sequence} carries the data that was chained at sequence {chainedAt}.",
        };

    /// <summary>After the last row: checkpoints and pins the walk never reached mean the chain lost its tail.</summary>
    public TamperFinding? End()
    {
        if (checkpoints.Values.Where(c => c.Position > lastPosition).MinBy(c => c.Position) is { } lost)
            return new(TamperKind.Truncated, lost.Sequence, null,
                $"A checkpoint records position {lost.Position} (event {lost.Sequence}) but the chain ends at position {lastPosition}.");
        foreach (var pin in pins.SelectMany(p => p).Where(p => !pinsSeen.Contains(p)).OrderBy(p => p.Sequence))
            return pin.Sequence > lastSequence
                ? new(TamperKind.Truncated, pin.Sequence, null, $"A pinned checkpoint names event {pin.Sequence} but the chain ends at event {lastSequence}.")
                : new(TamperKind.PinMismatch, pin.Sequence, null, $"A pinned checkpoint names event {pin.Sequence}, which the chain does not hold.");
        return null;
    }

    private TamperFinding? CheckPoints()
    {
        checkpoints.TryGetValue(lastPosition, out var checkpoint);
        if (checkpoint is null && !pins.Contains(lastSequence))
            return null;
        var hex = Convert.ToHexStringLower(previous);
        if (checkpoint is not null)
        {
            if (checkpoint.Sequence != lastSequence || !string.Equals(checkpoint.Hash, hex, StringComparison.OrdinalIgnoreCase))
                return new(TamperKind.CheckpointMismatch, lastSequence, null,
                    $"The checkpoint at position {lastPosition} records event {checkpoint.Sequence} with hash {checkpoint.Hash}; the chain recomputes event {lastSequence} with {hex}.");
            CheckpointsChecked++;
        }
        foreach (var pin in pins[lastSequence])
        {
            if (!string.Equals(pin.Hash.Trim(), hex, StringComparison.OrdinalIgnoreCase))
                return new(TamperKind.PinMismatch, lastSequence, null, $"The pinned hash for event {lastSequence} is {pin.Hash}; the chain recomputes {hex}.");
            pinsSeen.Add(pin);
        }
        return null;
    }
}
