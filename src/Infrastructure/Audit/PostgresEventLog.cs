using System.Runtime.CompilerServices;
using System.Text.Json;
using Marten;
using Npgsql;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>Reads mt_events directly: events of types no longer in the code, and data exactly as stored, stay readable.</summary>
public sealed class PostgresEventLog(IDocumentStore store) : IEventLog
{
    private const string Columns = "seq_id, stream_id::text, version, type, timestamp, data::text";

    private string Schema => store.Options.Events.DatabaseSchemaName;

    public async Task<StreamHistory?> StreamAsync(Guid streamId, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        var events = new List<LoggedEvent>();
        await using (var command = new NpgsqlCommand($"select {Columns} from {Schema}.mt_events where stream_id = $1 order by version", connection))
        {
            command.Parameters.Add(new() { Value = streamId });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
                events.Add(Read(reader));
        }
        if (events.Count > 0)
            return new StreamHistory(streamId.ToString(), events);
        await using var exists = new NpgsqlCommand($"select exists (select 1 from {Schema}.mt_streams where id = $1)", connection);
        exists.Parameters.Add(new() { Value = streamId });
        return await exists.ExecuteScalarAsync(cancellation) is true ? new StreamHistory(streamId.ToString(), events) : null;
    }

    public async IAsyncEnumerable<LoggedEvent> ReadAsync(EventLogQuery query, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        await using var command = new NpgsqlCommand { Connection = connection };
        var conditions = new List<string> { Condition(command, "seq_id > {0}", query.After) };
        if (query.Types.Count > 0)
            conditions.Add(Condition(command, "type = any({0})", query.Types.ToArray()));
        if (query.From is { } from)
            conditions.Add(Condition(command, "timestamp >= {0}", from.ToUniversalTime()));
        if (query.To is { } to)
            conditions.Add(Condition(command, "timestamp < {0}", to.ToUniversalTime()));
        var limit = query.Limit is { } value ? $" limit {value}" : "";
        command.CommandText = $"select {Columns} from {Schema}.mt_events where {string.Join(" and ", conditions)} order by seq_id{limit}";
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            yield return Read(reader);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }

    private static string Condition(NpgsqlCommand command, string sql, object value)
    {
        command.Parameters.Add(new() { Value = value });
        return string.Format(sql, $"${command.Parameters.Count}");
    }

    private static LoggedEvent Read(NpgsqlDataReader reader)
    {
        using var document = JsonDocument.Parse(reader.GetString(5));
        var data = document.RootElement.Clone();
        return new LoggedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4), EventActor.From(data), data);
    }
}
