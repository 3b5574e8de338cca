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
        failure ??= verifier.End();
        if (failure is { Kind: TamperKind.Edited })
        {
            failure = verifier.DescribeEdit(failure, await DataDigestAsync(transaction, failure.Sequence, cancellation));
            if (verifier.ChangedData is { } data && await ChainedAtAsync(connection, tables, data, failure.Sequence, cancellation) is { } original)
                failure = verifier.Reordered(failure, original);
        }
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

    /// <summary>The events come in sequence order from readers that digest them in parallel; the chain is walked here.</summary>
    private async Task<TamperFinding?> WalkAsync(NpgsqlConnection connection, AuditTables tables, ChainVerifier verifier, CancellationToken cancellation)
    {
        var reader = new SnapshotChunkReader(OpenAsync, tables, Events);
        await foreach (var chunk in reader.ReadAsync(connection, cancellation))
        {
            foreach (var (digest, link) in chunk)
            {
                var failure = digest is null ? verifier.Orphan(link!) : verifier.Event(digest, link);
                if (failure is not null)
                    return failure;
            }
        }
        return null;
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
