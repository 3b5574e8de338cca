using JasperFx.Events;
using Marten;
using Marten.Internal.Sessions;
using Npgsql;
using Weasel.Storage;

namespace SecureMail.Infrastructure.Projections;

/// <summary>The SQL a rebuild needs over Marten's mt_streams table and a projection's document table.</summary>
internal static class StreamTable
{
    /// <summary>Every stream holding an event the projection applies (all streams when it applies every type), and
    /// every stored document, whose stream may no longer justify it: id and stream version (0 without a stream).</summary>
    public static async Task<Dictionary<Guid, long>> CandidatesAsync(IDocumentStore store, string documents, IReadOnlyList<string>? eventTypes,
        CancellationToken cancellation)
    {
        var events = store.Options.Events.DatabaseSchemaName;
        var streams = eventTypes is null
            ? $"select id, version from {events}.mt_streams"
            : $"select s.id, s.version from {events}.mt_streams s where exists (select 1 from {events}.mt_events e where e.stream_id = s.id and e.type = any(@types))";
        await using var connection = await OpenAsync(store, cancellation);
        await using var command = new NpgsqlCommand($"{streams} union select d.id, coalesce(s.version, 0) from {documents} d left join {events}.mt_streams s on s.id = d.id", connection);
        if (eventTypes is not null)
            command.Parameters.AddWithValue("types", eventTypes.ToArray());
        return await ReadVersionsAsync(command, cancellation);
    }

    /// <summary>Locks the streams' rows for the session's transaction; answers their versions.</summary>
    public static async Task<Dictionary<Guid, long>> LockAsync(IDocumentSession session, IDocumentStore store, Guid[] ids, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select id, version from {store.Options.Events.DatabaseSchemaName}.mt_streams where id = any(@ids) order by id for update", session.Connection);
        command.Parameters.AddWithValue("ids", ids);
        var versions = await ReadVersionsAsync(command, cancellation);
        foreach (var id in ids)
            versions.TryAdd(id, 0);
        return versions;
    }

    /// <summary>The events of the given streams, of the given types (all when null), in one query ordered by stream
    /// and version, which the stream index serves. Marten's own event reader builds them, as it does for
    /// AggregateStreamAsync.</summary>
    public static async Task<List<IEvent>> EventsAsync(IDocumentSession session, Guid[] ids, IReadOnlyList<string>? eventTypes,
        CancellationToken cancellation)
    {
        var storage = ((QuerySession)session).EventStorage();
        var columns = string.Join(", ", ((ISelectClause)storage).SelectFields());
        var ofTypes = eventTypes is null ? "" : " and d.type = any(@types)";
        await using var command = new NpgsqlCommand(
            $"select {columns} from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events as d " +
            $"where d.stream_id = any(@ids) and d.is_archived = false{ofTypes} order by d.stream_id, d.version", session.Connection);
        command.Parameters.AddWithValue("ids", ids);
        if (eventTypes is not null)
            command.Parameters.AddWithValue("types", eventTypes.ToArray());
        var selector = (ISelector<IEvent>)storage;
        var events = new List<IEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        // A row is buffered whole once read, so resolving it synchronously waits on nothing, and the synchronous path
        // deserializes from memory instead of through an async stream per event.
        while (await reader.ReadAsync(cancellation))
            events.Add(selector.Resolve(reader));
        return events;
    }

    /// <summary>The streams whose version moved past the one they were folded at. Their rows are locked to read
    /// them, so an append that was waiting for a rebuild batch has committed by then and is counted.</summary>
    public static async Task<List<Guid>> AppendedSinceAsync(IDocumentStore store, IReadOnlyDictionary<Guid, long> foldedAt, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(store, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select id, version from {store.Options.Events.DatabaseSchemaName}.mt_streams where id = any(@ids) order by id for update", connection, transaction);
        command.Parameters.AddWithValue("ids", foldedAt.Keys.ToArray());
        var now = await ReadVersionsAsync(command, cancellation);
        await transaction.CommitAsync(cancellation);
        return now.Where(s => s.Value != foldedAt[s.Key]).Select(s => s.Key).ToList();
    }

    private static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }

    private static async Task<Dictionary<Guid, long>> ReadVersionsAsync(NpgsqlCommand command, CancellationToken cancellation)
    {
        var versions = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            versions[reader.GetGuid(0)] = reader.GetInt64(1);
        return versions;
    }
}
