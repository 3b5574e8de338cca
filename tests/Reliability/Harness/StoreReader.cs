using System.Text.Json;
using Npgsql;

namespace SecureMail.Reliability.Harness;

public sealed record StoredEvent(long Sequence, Guid StreamId, long Version, string Type, JsonElement Data, DateTimeOffset Timestamp)
{
    public Guid? ArticleId => Data.TryGetProperty("articleId", out var id) ? id.GetGuid() : null;

    /// <summary>The Message-ID the service gave a composed or received article.</summary>
    public string? MessageId => Data.TryGetProperty("messageId", out var id) ? id.GetString() : null;
}

/// <summary>Reads what the service committed straight from PostgreSQL (Marten's mt_events, the raw_messages table,
/// the audit chain), so a check does not depend on the service it checks.</summary>
public sealed class StoreReader(string serviceConnectionString, string schema)
{
    // Unpooled: a pooled connection would outlive a database restart and fail the first check after it.
    private readonly string connectionString = serviceConnectionString + ";Pooling=false";

    public Task<IReadOnlyList<StoredEvent>> Stream(Guid streamId) =>
        Events("stream_id = @id order by version", ("id", streamId));

    public Task<IReadOnlyList<StoredEvent>> OfType(params string[] types) =>
        Events("type = any(@types) order by seq_id", ("types", types));

    /// <summary>The article ids of every event of these types (cheaper than reading the events).</summary>
    public async Task<ISet<Guid>> ArticleIdsOf(params string[] types)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select (data->>'articleId')::uuid from {schema}.mt_events where type = any(@types)", connection);
        command.Parameters.AddWithValue("types", types);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    public async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", schema), connection);
        return await command.ExecuteScalarAsync() is long value ? value : 0;
    }

    public Task<long> HighestSequence() => Scalar("select coalesce(max(seq_id), 0) from {schema}.mt_events");

    /// <summary>The last event the audit chain (the HotCold daemon's subscription) has hashed.</summary>
    public Task<long> ChainHead() => Scalar("select coalesce(max(seq), 0) from {schema}.audit_chain");

    /// <summary>A digest of every row of the events, streams, documents and raw messages: equal digests, nothing changed.
    /// (The daemon's progress, the audit chain and Wolverine's tables move by themselves and are left out.)</summary>
    public async Task<string> Fingerprint()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema " +
            "and (table_name in ('mt_events', 'mt_streams', 'raw_messages') or table_name like 'mt_doc_%') order by table_name", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var digests = new List<string>();
        foreach (var table in tables)
        {
            await using var digest = new NpgsqlCommand(
                $"select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from {schema}.{table} t", connection);
            digests.Add($"{table}={await digest.ExecuteScalarAsync()}");
        }
        return string.Join(" ", digests);
    }

    public async Task<ISet<Guid>> RawMessageIds()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select id from {schema}.raw_messages", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    private async Task<IReadOnlyList<StoredEvent>> Events(string where, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select seq_id, stream_id, version, type, data::text, timestamp from {schema}.mt_events where {where}", connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync())
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3),
                JsonDocument.Parse(reader.GetString(4)).RootElement, reader.GetFieldValue<DateTimeOffset>(5)));
        return events;
    }
}
