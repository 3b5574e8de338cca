using System.Buffers;
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

    /// <summary>The record is laid out in one pooled buffer and hashed in one call: verify hashes every event of
    /// the log, and an incremental hash paid a native call per field (issue 7, row 8).</summary>
    public static byte[] Digest(StoredEvent e)
    {
        var size = Domain.Length + 8 + 8 + 8 + 5 * 4 + Utf8.GetMaxByteCount(e.Id.Length + e.StreamId.Length + e.Type.Length + e.TenantId.Length + e.Data.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var record = buffer.AsSpan();
            var at = 0;
            Domain.CopyTo(record);
            at += Domain.Length;
            at += Number(record[at..], e.Sequence);
            at += Text(record[at..], e.Id);
            at += Text(record[at..], e.StreamId);
            at += Number(record[at..], e.Version);
            at += Text(record[at..], e.Type);
            at += Number(record[at..], (e.Timestamp.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / 10);
            at += Text(record[at..], e.TenantId);
            at += Text(record[at..], e.Data);
            return SHA256.HashData(record[..at]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static int Number(Span<byte> into, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(into, value);
        return 8;
    }

    private static int Text(Span<byte> into, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, into[4..]);
        BinaryPrimitives.WriteInt32BigEndian(into, length);
        return 4 + length;
    }
}
