using System.Runtime.CompilerServices;
using Npgsql;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>
/// The digest of each event's record (ADR 10), computed by PostgreSQL over the row as stored (ADR 20): the chainer
/// and the verifier read 32 bytes per event instead of the event, and several verifier connections hash at once.
/// <code>
/// record = "securemail.audit.v1" || u64(seq) || str(event id) || str(stream id) || u64(version)
///          || str(type) || i64(timestamp, microseconds since 1970 UTC) || str(tenant id) || str(data)
/// </code>
/// u64/i64 are 8 bytes big-endian (int8send); str(x) is the 4-byte big-endian length of UTF-8 x, then those bytes;
/// ids are the text of the uuid; data is the text of the jsonb value (<c>data::text</c>).
/// </summary>
public sealed class EventDigests(string schema)
{
    public string Table => $"{schema}.mt_events";

    /// <summary>The columns of a range's rows: sequence, stream id, the record's digest, and the data's digest if asked.</summary>
    public const int SequenceColumn = 0, StreamColumn = 1, DigestColumn = 2, DataDigestColumn = 3;

    // The inner query renders each field once (offset 0 keeps the planner from inlining it into both of its uses).
    // extract(epoch) is exact: numeric from PostgreSQL 14 on, and within a tenth of a microsecond before. Marten's
    // tombstones carry -infinity; the record has always held the infinities as .NET's DateTime.MinValue and MaxValue.
    private string Select(bool dataDigest) => $"""
        select e.seq_id, e.stream_id, sha256('securemail.audit.v1'::bytea || int8send(e.seq_id)
            || int4send(length(e.id)) || e.id || int4send(length(e.stream)) || e.stream || int8send(e.version)
            || int4send(length(e.type)) || e.type || int8send(e.microseconds)
            || int4send(length(e.tenant)) || e.tenant || int4send(length(e.data)) || e.data){(dataDigest ? ", sha256(e.data)" : "")}
        from (select seq_id, stream_id, convert_to(id::text, 'UTF8') as id, convert_to(stream_id::text, 'UTF8') as stream, version,
                     convert_to(type, 'UTF8') as type, convert_to(tenant_id, 'UTF8') as tenant, convert_to(data::text, 'UTF8') as data,
                     case timestamp when '-infinity' then -62135596800000000 when 'infinity' then 253402300799999999
                                    else (extract(epoch from timestamp) * 1000000)::bigint end as microseconds
              from {Table} where seq_id > $1 and seq_id <= $2 order by seq_id offset 0) e
        order by e.seq_id
        """;

    /// <summary>Every event with after &lt; seq_id &lt;= upTo, archived or not, in sequence order.</summary>
    public async IAsyncEnumerable<EventDigest> RangeAsync(NpgsqlTransaction transaction, long after, long upTo, bool withDataDigest,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var command = await RangeCommandAsync(transaction, after, upTo, withDataDigest, cancellation);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            yield return new EventDigest(reader.GetInt64(SequenceColumn), reader.GetGuid(StreamColumn).ToString(), reader.GetFieldValue<byte[]>(DigestColumn),
                withDataDigest ? reader.GetFieldValue<byte[]>(DataDigestColumn) : null);
    }

    /// <summary>As <see cref="RangeAsync"/>, without the data digest, handing each row to <paramref name="read"/>
    /// (columns <see cref="SequenceColumn"/> and <see cref="DigestColumn"/>) instead of making an object of it.</summary>
    public async Task ForEachAsync(NpgsqlTransaction transaction, long after, long upTo, Action<NpgsqlDataReader> read, CancellationToken cancellation)
    {
        await using var command = await RangeCommandAsync(transaction, after, upTo, withDataDigest: false, cancellation);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            read(reader);
    }

    /// <summary>Runs in <paramref name="transaction"/> with only <c>pg_catalog</c> on the search path, so that no
    /// function or operator a database user created can stand in for the ones the record is built with.</summary>
    private async Task<NpgsqlCommand> RangeCommandAsync(NpgsqlTransaction transaction, long after, long upTo, bool withDataDigest,
        CancellationToken cancellation)
    {
        var connection = transaction.Connection!;
        await using (var pin = new NpgsqlCommand("set local search_path to pg_catalog", connection, transaction))
            await pin.ExecuteNonQueryAsync(cancellation);
        var command = new NpgsqlCommand(Select(withDataDigest), connection, transaction);
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = upTo });
        return command;
    }
}
