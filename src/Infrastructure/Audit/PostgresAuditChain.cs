using System.Data;
using System.Threading.Channels;
using Marten;
using Npgsql;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>
/// Verifies in one repeatable-read snapshot: the events, in sequence order and streamed (never all in memory), each
/// with its chain record; then chain records whose event is gone. Only the first finding is reported.
/// </summary>
public sealed class PostgresAuditChain(IDocumentStore store, ChainHash chain) : IAuditChain
{
    private AuditTables Tables => new(store.Options.DatabaseSchemaName);

    private StoredEvents Events => new(store.Options.Events.DatabaseSchemaName);

    public async Task<VerificationReport> VerifyAsync(IReadOnlyList<PinnedCheckpoint> pins, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellation);
        var tables = Tables;
        var checkpoints = await tables.CheckpointsAsync(connection, int.MaxValue, cancellation);
        var head = await tables.HeadAsync(connection, cancellation);
        var orphans = await OrphansAsync(connection, tables, cancellation);
        var verifier = new ChainVerifier(chain, head?.Sequence ?? 0, checkpoints, pins);

        var failure = await WalkAsync(connection, tables, verifier, orphans, cancellation);
        failure ??= verifier.End();
        if (failure is { Kind: TamperKind.Edited } && verifier.ChangedData is { } data
            && await ChainedAtAsync(connection, tables, data, failure.Sequence, cancellation) is { } original)
            failure = verifier.Reordered(failure, original);
        await transaction.CommitAsync(cancellation);

        var last = verifier.Last;
        return new VerificationReport(failure is null, verifier.EventsChecked, verifier.CheckpointsChecked, verifier.PinsChecked, verifier.Pending,
            last is null ? null : new ChainHead(last.Position, last.Sequence, Convert.ToHexStringLower(last.Hash)), failure);
    }

    public async Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(int limit, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        return await Tables.CheckpointsAsync(connection, limit, cancellation);
    }

    /// <summary>Rows are read and parsed on one thread while the batch before them is hashed and checked on another
    /// (issue 7, row 8). At the first finding the reader stops and its remaining rows are drained, not cancelled, so
    /// the transaction stays usable for the queries that describe the finding.</summary>
    private async Task<TamperFinding?> WalkAsync(NpgsqlConnection connection, AuditTables tables, ChainVerifier verifier,
        IReadOnlyList<ChainLink> orphans, CancellationToken cancellation)
    {
        var orphan = 0;
        var batches = Channel.CreateBounded<List<(StoredEvent Stored, ChainLink? Link)>>(4);
        var reading = Task.Run(() => ReadAsync(connection, tables, batches.Writer, cancellation), cancellation);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellation))
            {
                foreach (var (stored, link) in batch)
                {
                    if (orphan < orphans.Count && orphans[orphan].Sequence < stored.Sequence)
                        return verifier.Orphan(orphans[orphan]);
                    if (verifier.Event(stored, link) is { } failure)
                        return failure;
                }
            }
        }
        finally
        {
            batches.Writer.TryComplete();
            await reading;
        }
        return orphan < orphans.Count ? verifier.Orphan(orphans[orphan]) : null;
    }

    private async Task ReadAsync(NpgsqlConnection connection, AuditTables tables,
        ChannelWriter<List<(StoredEvent Stored, ChainLink? Link)>> batches, CancellationToken cancellation)
    {
        const int batchSize = 512;
        try
        {
            await using var command = new NpgsqlCommand(
                $"select {StoredEvents.Columns("e")}, c.position, c.seq, c.stream_id, c.digest, c.data_digest, c.hash " +
                $"from {Events.Table} e left join {tables.Chain} c on c.seq = e.seq_id order by e.seq_id", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            var batch = new List<(StoredEvent, ChainLink?)>(batchSize);
            while (await reader.ReadAsync(cancellation))
            {
                batch.Add((StoredEvents.Read(reader),
                    reader.IsDBNull(StoredEvents.ColumnCount) ? null : AuditTables.ReadLink(reader, StoredEvents.ColumnCount)));
                if (batch.Count < batchSize)
                    continue;
                await batches.WriteAsync(batch, cancellation);
                batch = new List<(StoredEvent, ChainLink?)>(batchSize);
            }
            if (batch.Count > 0)
                await batches.WriteAsync(batch, cancellation);
            batches.TryComplete();
        }
        catch (ChannelClosedException)
        {
            // The walk stopped at a finding; disposing the reader drains the rest of the rows.
        }
        catch (Exception e)
        {
            batches.TryComplete(e);
        }
    }

    private async Task<IReadOnlyList<ChainLink>> OrphansAsync(NpgsqlConnection connection, AuditTables tables, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select c.position, c.seq, c.stream_id, c.digest, c.data_digest, c.hash from {tables.Chain} c " +
            $"where not exists (select 1 from {Events.Table} e where e.seq_id = c.seq) order by c.seq", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var orphans = new List<ChainLink>();
        while (await reader.ReadAsync(cancellation))
            orphans.Add(AuditTables.ReadLink(reader, 0));
        return orphans;
    }

    private static async Task<long?> ChainedAtAsync(NpgsqlConnection connection, AuditTables tables, byte[] dataDigest, long except, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select seq from {tables.Chain} where data_digest = $1 and seq <> $2 order by seq limit 1", connection);
        command.Parameters.Add(new() { Value = dataDigest });
        command.Parameters.Add(new() { Value = except });
        return await command.ExecuteScalarAsync(cancellation) is long sequence ? sequence : null;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }
}
