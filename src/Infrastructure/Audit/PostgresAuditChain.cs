using System.Data;
using Marten;
using Npgsql;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>
/// Verifies in one repeatable-read snapshot: the events, in sequence order and streamed (never all in memory), each
/// with its chain record, and the chain records whose event is gone in their place. Only the first finding is reported.
/// </summary>
public sealed class PostgresAuditChain(IDocumentStore store, ChainHash chain) : IAuditChain
{
    private AuditTables Tables => new(store.Options.DatabaseSchemaName);

    private EventDigests Events => new(store.Options.Events.DatabaseSchemaName);

    public async Task<VerificationReport> VerifyAsync(IReadOnlyList<PinnedCheckpoint> pins, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellation);
        var tables = Tables;
        var checkpoints = await tables.CheckpointsAsync(connection, int.MaxValue, cancellation);
        var head = await tables.HeadAsync(connection, cancellation);
        var verifier = new ChainVerifier(chain, head?.Sequence ?? 0, checkpoints, pins);

        var failure = await WalkAsync(connection, tables, verifier, cancellation);
        if (failure is not null)
            failure = failure with { StreamId = await StreamAtAsync(connection, tables, failure.Sequence, cancellation) };
        failure ??= verifier.End();
        if (failure is { Kind: TamperKind.Edited })
        {
            var chainedData = await tables.ChainedDataDigestAsync(connection, failure.Sequence, cancellation)
                ?? throw new InvalidOperationException($"Event {failure.Sequence}'s chain record left the snapshot it was read in.");
            failure = verifier.DescribeEdit(failure, await DataDigestAsync(transaction, failure.Sequence, cancellation), chainedData);
            if (verifier.ChangedData is { } data && await ChainedAtAsync(connection, tables, data, failure.Sequence, cancellation) is { } original)
                failure = verifier.Reordered(failure, original);
        }
        await transaction.CommitAsync(cancellation);
        return new VerificationReport(failure is null, verifier.EventsChecked, verifier.CheckpointsChecked, verifier.PinsChecked, verifier.Pending,
            verifier.Head, failure);
    }

    public async Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(int limit, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        return await Tables.CheckpointsAsync(connection, limit, cancellation);
    }

    /// <summary>The events come in sequence order from readers that digest them in parallel; the chain is walked here.</summary>
    private async Task<TamperFinding?> WalkAsync(NpgsqlConnection connection, AuditTables tables, ChainVerifier verifier, CancellationToken cancellation)
    {
        var reader = new SnapshotChunkReader(OpenAsync, tables, Events);
        await foreach (var chunk in reader.ReadAsync(connection, cancellation))
            if (chunk.Walk(verifier) is { } failure)
                return failure;
        return null;
    }

    /// <summary>The stream of the event at <paramref name="sequence"/>, or of its chain record if the event is gone.</summary>
    private async Task<string?> StreamAtAsync(NpgsqlConnection connection, AuditTables tables, long sequence, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select coalesce((select stream_id::text from {Events.Table} where seq_id = $1), (select stream_id from {tables.Chain} where seq = $1))",
            connection);
        command.Parameters.Add(new() { Value = sequence });
        return await command.ExecuteScalarAsync(cancellation) as string;
    }

    private async Task<byte[]> DataDigestAsync(NpgsqlTransaction transaction, long sequence, CancellationToken cancellation)
    {
        await foreach (var digest in Events.RangeAsync(transaction, sequence - 1, sequence, withDataDigest: true, cancellation))
            return digest.DataDigest!;
        throw new InvalidOperationException($"Event {sequence} left the snapshot it was read in.");
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
