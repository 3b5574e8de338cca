using System.Runtime.CompilerServices;
using Npgsql;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>Reads Marten's events table as stored: the type alias, and the jsonb data as PostgreSQL renders it.</summary>
public sealed class StoredEvents(string schema)
{
    public string Table => $"{schema}.mt_events";

    /// <summary>The columns <see cref="Read"/> expects, prefixed by a table alias.</summary>
    public static string Columns(string alias) =>
        $"{alias}.seq_id, {alias}.id::text, {alias}.stream_id::text, {alias}.version, {alias}.type, {alias}.timestamp, {alias}.tenant_id, {alias}.data::text";

    public const int ColumnCount = 8;

    public static StoredEvent Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
        reader.GetDateTime(5), reader.GetString(6), reader.GetString(7));

    /// <summary>Every event with after &lt; seq_id &lt;= upTo, archived or not, in sequence order.</summary>
    public async IAsyncEnumerable<StoredEvent> RangeAsync(NpgsqlConnection connection, long after, long upTo,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select {Columns("e")} from {Table} e where e.seq_id > $1 and e.seq_id <= $2 order by e.seq_id", connection);
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = upTo });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            yield return Read(reader);
    }
}
