using System.Security.Cryptography;

namespace SecureMail.Application.Audit;

/// <summary>
/// The chain over the events' digests (ADR 10), in sequence order:
/// <code>
/// hash = HMAC-SHA256(chain key, previous hash || digest)      previous hash of the first event: 32 zero bytes
/// </code>
/// The digest of each event's record is computed by PostgreSQL over the row as stored (ADR 20, <c>EventDigests</c>).
/// </summary>
public sealed class ChainHash(byte[] key)
{
    public const int Length = 32;

    public static readonly byte[] Genesis = new byte[Length];

    /// <summary>One HMAC state per thread, reset after each use: the verifier chains every event of the log in turn,
    /// and setting the key up again for each cost as much as the rest of its work (benchmark row 8, ADR 15).</summary>
    private readonly ThreadLocal<IncrementalHash> hmac = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));

    public byte[] Next(byte[] previous, byte[] digest)
    {
        var hash = new byte[Length];
        Next(previous, digest, hash);
        return hash;
    }

    public void Next(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> digest, Span<byte> hash)
    {
        var state = hmac.Value!;
        state.AppendData(previous);
        state.AppendData(digest);
        state.GetHashAndReset(hash);
    }

    /// <summary>The chain record of <paramref name="e"/>, which must carry its data digest.</summary>
    public ChainLink Link(long position, byte[] previous, EventDigest e) =>
        new(position, e.Sequence, e.StreamId, e.Digest,
            e.DataDigest ?? throw new ArgumentException("A chain record keeps the data digest.", nameof(e)), Next(previous, e.Digest));
}
