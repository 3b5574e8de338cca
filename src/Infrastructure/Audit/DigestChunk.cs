using Npgsql;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>
/// The events and the chain records of one range of sequence numbers, as columns in buffers a verify reuses: an object
/// per event and per value made the verify's garbage collection cost as much as its hashing (ADR 20).
/// Sequence numbers are unique in both tables, so neither side holds more rows than the range has numbers.
/// </summary>
internal sealed class DigestChunk(int capacity)
{
    private const int Length = ChainHash.Length;

    private readonly long[] eventSequences = new long[capacity];
    private readonly byte[] eventDigests = new byte[capacity * Length];
    private readonly int[] eventDigestLengths = new int[capacity];
    private readonly long[] linkSequences = new long[capacity];
    private readonly long[] linkPositions = new long[capacity];
    private readonly byte[] linkDigests = new byte[capacity * Length];
    private readonly int[] linkDigestLengths = new int[capacity];
    private readonly byte[] linkHashes = new byte[capacity * Length];
    private readonly int[] linkHashLengths = new int[capacity];
    private int events, links;

    public void Clear() => events = links = 0;

    /// <summary>Reads an <see cref="EventDigests"/> row.</summary>
    public void AddEvent(NpgsqlDataReader row)
    {
        var i = Next(events++);
        eventSequences[i] = row.GetInt64(EventDigests.SequenceColumn);
        eventDigestLengths[i] = ReadHash(row, EventDigests.DigestColumn, eventDigests, i);
    }

    /// <summary>Reads an <see cref="AuditTables.ForEachHashAsync"/> row.</summary>
    public void AddLink(NpgsqlDataReader row)
    {
        var i = Next(links++);
        linkPositions[i] = row.GetInt64(0);
        linkSequences[i] = row.GetInt64(1);
        linkDigestLengths[i] = ReadHash(row, 2, linkDigests, i);
        linkHashLengths[i] = ReadHash(row, 3, linkHashes, i);
    }

    /// <summary>Hands the verifier every sequence number of the chunk in order: an event with its chain record, an
    /// event without one, or a chain record whose event is gone. Returns the first finding.</summary>
    public TamperFinding? Walk(ChainVerifier verifier)
    {
        int e = 0, l = 0;
        while (e < events || l < links)
        {
            var eventSequence = e < events ? eventSequences[e] : long.MaxValue;
            var linkSequence = l < links ? linkSequences[l] : long.MaxValue;
            var finding = linkSequence < eventSequence ? verifier.Orphan(linkSequence)
                : eventSequence < linkSequence ? verifier.Unchained(eventSequence)
                : verifier.Chained(eventSequence, Span(eventDigests, e, eventDigestLengths),
                    new StoredLink(linkPositions[l], Span(linkDigests, l, linkDigestLengths), Span(linkHashes, l, linkHashLengths)));
            if (finding is not null)
                return finding;
            if (linkSequence <= eventSequence)
                l++;
            if (eventSequence <= linkSequence)
                e++;
        }
        return null;
    }

    private int Next(int index) => index < capacity ? index
        : throw new InvalidOperationException($"More than {capacity} rows in a range of {capacity} sequence numbers.");

    private static ReadOnlySpan<byte> Span(byte[] buffer, int index, int[] lengths) => buffer.AsSpan(index * Length, lengths[index]);

    /// <summary>Copies a 32-byte value into its slot; a stored value of another length is kept as empty.</summary>
    private static int ReadHash(NpgsqlDataReader row, int column, byte[] buffer, int index)
    {
        if (row.GetBytes(column, 0, null, 0, 0) != Length)
            return 0;
        row.GetBytes(column, 0, buffer, index * Length, Length);
        return Length;
    }
}
