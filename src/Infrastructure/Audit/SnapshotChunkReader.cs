using System.Collections.Concurrent;
using System.Data;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Npgsql;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>
/// Reads every event's digest and every chain record, in sequence order, as one repeatable-read query in the caller's
/// snapshot would, but in chunks of sequence numbers that several connections digest at once (ADR 20: one
/// PostgreSQL backend hashing left the other cores idle). Every reader imports the snapshot the caller's transaction
/// exports (<c>SET TRANSACTION SNAPSHOT</c>), so all see the same rows. Chunks come out in order, and only a few are
/// read ahead: the log is never all in memory, and the chunks' buffers are reused.
/// </summary>
internal sealed partial class SnapshotChunkReader(Func<CancellationToken, Task<NpgsqlConnection>> open, AuditTables tables, EventDigests events)
{
    private const int ChunkSize = 4096;
    private static readonly int Readers = Math.Clamp(Environment.ProcessorCount, 2, 4);
    private static readonly int ReadAhead = 2 * Readers;

    /// <summary>Each chunk is valid until the next is asked for.</summary>
    public async IAsyncEnumerable<DigestChunk> ReadAsync(NpgsqlConnection snapshotOwner,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        var snapshot = await ExportSnapshotAsync(snapshotOwner, cancellation);
        var (first, last) = await SequenceRangeAsync(snapshotOwner, cancellation);
        if (first > last)
            yield break;

        var connections = Channel.CreateUnbounded<NpgsqlTransaction>();
        var opened = new List<NpgsqlConnection>();
        var chunks = Channel.CreateUnbounded<Task<DigestChunk>>();
        var free = new ConcurrentBag<DigestChunk>();
        using var slots = new SemaphoreSlim(ReadAhead);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Task? producing = null;
        try
        {
            for (var i = 0; i < Readers; i++)
            {
                var connection = await open(cancellation);
                opened.Add(connection);
                connections.Writer.TryWrite(await ImportSnapshotAsync(connection, snapshot, cancellation));
            }
            producing = Task.Run(async () =>
            {
                try
                {
                    for (var after = first - 1; after < last; after += ChunkSize)
                    {
                        await slots.WaitAsync(stop.Token);
                        var (from, upTo) = (after, Math.Min(after + ChunkSize, last));
                        chunks.Writer.TryWrite(Task.Run(() => ReadChunkAsync(connections, free, from, upTo, stop.Token), stop.Token));
                    }
                    chunks.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    chunks.Writer.TryComplete(e);
                }
            }, CancellationToken.None);

            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellation))
            {
                var read = await chunk;
                yield return read;
                free.Add(read);
                slots.Release();
            }
        }
        finally
        {
            // Stopped early (a finding) or failed: let every started chunk finish before its connection is closed.
            await stop.CancelAsync();
            if (producing is not null)
                await producing;
            while (chunks.Reader.TryRead(out var started))
                await started.ContinueWith(_ => { }, TaskScheduler.Default);
            foreach (var connection in opened)
                await connection.DisposeAsync();
        }
    }

    private async Task<DigestChunk> ReadChunkAsync(Channel<NpgsqlTransaction> connections, ConcurrentBag<DigestChunk> free,
        long after, long upTo, CancellationToken cancellation)
    {
        var transaction = await connections.Reader.ReadAsync(cancellation);
        try
        {
            var chunk = free.TryTake(out var reused) ? reused : new DigestChunk(ChunkSize);
            chunk.Clear();
            await tables.ForEachHashAsync(transaction.Connection!, after, upTo, chunk.AddLink, cancellation);
            await events.ForEachAsync(transaction, after, upTo, chunk.AddEvent, cancellation);
            return chunk;
        }
        finally
        {
            connections.Writer.TryWrite(transaction);
        }
    }

    private static async Task<string> ExportSnapshotAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("select pg_export_snapshot()", connection);
        return (string)(await command.ExecuteScalarAsync(cancellation))!;
    }

    /// <summary>The sequence numbers of both tables: a chain record beyond the last event is an event deleted too.</summary>
    private async Task<(long First, long Last)> SequenceRangeAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select coalesce(least((select min(seq_id) from {events.Table}), (select min(seq) from {tables.Chain})), 1), " +
            $"coalesce(greatest((select max(seq_id) from {events.Table}), (select max(seq) from {tables.Chain})), 0)", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<NpgsqlTransaction> ImportSnapshotAsync(NpgsqlConnection connection, string snapshot, CancellationToken cancellation)
    {
        // SET takes no parameters; the id is PostgreSQL's own, checked for its shape before it goes into the statement.
        if (!SnapshotId().IsMatch(snapshot))
            throw new InvalidOperationException($"Unexpected snapshot id '{snapshot}'.");
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellation);
        await using var command = new NpgsqlCommand($"set transaction snapshot '{snapshot}'", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellation);
        return transaction;
    }

    [GeneratedRegex("^[0-9A-F]+(-[0-9A-F]+)+$")]
    private static partial Regex SnapshotId();
}
