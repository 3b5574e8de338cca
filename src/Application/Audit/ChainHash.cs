using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SecureMail.Application.Audit;

/// <summary>
/// The bytes the chain covers (ADR 0010). For each event, in sequence order:
/// <code>
/// record    = "securemail.audit.v1" || u64(seq) || str(event id) || str(stream id) || u64(version)
///             || str(type) || i64(timestamp, microseconds since 1970 UTC) || str(tenant id) || str(data)
/// digest    = SHA-256(record)
/// hash      = HMAC-SHA256(chain key, previous hash || digest)      previous hash of the first event: 32 zero bytes
/// data hash = SHA-256(data)                                         kept only to tell a reordering from an edit
/// </code>
/// u64/i64 are 8 bytes big-endian; str(x) is the 4-byte big-endian length of UTF-8 x, then those bytes;
/// ids are PostgreSQL's text of the uuid; data is PostgreSQL's text of the jsonb value.
/// </summary>
public sealed class ChainHash(byte[] key)
{
    public static readonly byte[] Genesis = new byte[32];

    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("securemail.audit.v1");

    public static byte[] Digest(StoredEvent e)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Domain);
        Number(sha, e.Sequence);
        Text(sha, e.Id);
        Text(sha, e.StreamId);
        Number(sha, e.Version);
        Text(sha, e.Type);
        Number(sha, (e.Timestamp.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / 10);
        Text(sha, e.TenantId);
        Text(sha, e.Data);
        return sha.GetHashAndReset();
    }

    public static byte[] DataDigest(StoredEvent e) => SHA256.HashData(Encoding.UTF8.GetBytes(e.Data));

    public byte[] Next(byte[] previous, byte[] digest)
    {
        Span<byte> input = stackalloc byte[64];
        previous.CopyTo(input);
        digest.CopyTo(input[32..]);
        return HMACSHA256.HashData(key, input);
    }

    public ChainLink Link(long position, byte[] previous, StoredEvent e)
    {
        var digest = Digest(e);
        return new ChainLink(position, e.Sequence, e.StreamId, digest, DataDigest(e), Next(previous, digest));
    }

    private static void Number(IncrementalHash sha, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        sha.AppendData(bytes);
    }

    private static void Text(IncrementalHash sha, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        sha.AppendData(length);
        sha.AppendData(bytes);
    }
}
