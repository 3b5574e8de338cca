using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.Events;
using JasperFx.Events.Projections;
using JasperFx.Events.Subscriptions;
using Marten;
using Marten.Events.Aggregation;
using Marten.Schema;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;
using SecureMail.Application.Projections;
using SecureMail.Domain.Common;

namespace SecureMail.Infrastructure.Projections;

/// <summary>Rebuilds a single-stream inline projection in place while writers keep appending (ADR 12): batches of
/// streams are locked, re-folded from their events and written back; then every stream appended to since its
/// re-fold is re-folded again, until a pass finds none.</summary>
public sealed class StreamLockedRebuild(IDocumentStore store, TimeProvider clock, ILogger<StreamLockedRebuild> logger) : IProjectionRebuilder
{
    private readonly StoreOptions _options = ((DocumentStore)store).Options;

    private const int StreamsPerBatch = 200;
    private const int ConcurrentBatches = 2;
    private const int MaxPasses = 20;
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(250);

    private static readonly MethodInfo RebuildOfType =
        typeof(StreamLockedRebuild).GetMethod(nameof(Rebuild), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public Rejection? WhyNotRebuildable(string name)
    {
        var projection = Find(name);
        if (projection is null)
            return new(RejectionKind.NotFound, $"There is no projection named '{name}'; GET /api/v1/admin/projections lists them.");
        if (projection.Lifecycle == ProjectionLifecycle.Live)
            return new(RejectionKind.Conflict, $"{name} is aggregated from the events on every read and stores nothing to rebuild.");
        if (projection.Lifecycle != ProjectionLifecycle.Inline || DocumentTypeOf(projection) is not { } documentType)
            return new(RejectionKind.Conflict, $"{name} is not a single-stream inline projection; only those are rebuilt online.");
        if (ProjectedDocuments.For((DocumentMapping)store.Options.FindOrResolveDocumentType(documentType)) is null)
            return new(RejectionKind.Conflict, $"{name} stores its documents with columns the online rebuild does not write (soft deletes, tenants, duplicated fields).");
        return null;
    }

    public async Task RunAsync(string name, CancellationToken cancellation)
    {
        if (WhyNotRebuildable(name) is { } why)
            throw new InvalidOperationException(why.Message);
        var projection = Find(name)!;
        await (Task)RebuildOfType.MakeGenericMethod(DocumentTypeOf(projection)!).Invoke(this, [projection, cancellation])!;
    }

    private async Task Rebuild<T>(ISubscriptionSource projection, CancellationToken cancellation) where T : class
    {
        var name = projection.Name;
        var mapping = (DocumentMapping)store.Options.FindOrResolveDocumentType(typeof(T));
        var table = mapping.TableName.QualifiedName;
        var documents = ProjectedDocuments.For(mapping)!;
        var progress = await LoadProgress(name, cancellation) with { State = ProjectionRebuild.Running, Error = null, FinishedAt = null };
        StoredProgress? pass = null;
        try
        {
            var streams = await StreamTable.CandidatesAsync(store, table, EventTypeNames(projection), cancellation);
            progress = progress with { StreamsTotal = streams.Count, StreamsRebuilt = 0, EventsTotal = streams.Values.Sum(), EventsApplied = 0,
                DocumentsRepaired = 0, Passes = 0 };
            var pending = streams.Keys.ToList();
            while (pending.Count > 0 && progress.Passes < MaxPasses)
            {
                pass = new StoredProgress(progress with { Passes = progress.Passes + 1 });
                var repairedAt = new ConcurrentDictionary<Guid, long>();
                // Two batches at a time: one folds in this process while PostgreSQL reads or writes the other's rows.
                // They lock disjoint streams, and take turns only to store the progress and commit.
                await Parallel.ForEachAsync(pending.Chunk(StreamsPerBatch),
                    new ParallelOptions { MaxDegreeOfParallelism = ConcurrentBatches, CancellationToken = cancellation },
                    async (batch, batchCancellation) =>
                    {
                        foreach (var (id, version) in await RebuildBatch<T>(batch, projection, documents, pass, batchCancellation))
                            repairedAt[id] = version;
                    });
                progress = pass.Current;
                if (repairedAt.Count == 0)
                    break;
                // An append that read a document before this pass repaired it, and reached the stream's row only after,
                // wrote its events onto the wrong document again: it is given time to land, then checked once more.
                await Task.Delay(SettleTime, cancellation);
                pending = await StreamTable.AppendedSinceAsync(store, repairedAt, cancellation);
            }
            progress = pending.Count == 0 || progress.Passes < MaxPasses
                ? progress with { State = ProjectionRebuild.Completed, FinishedAt = clock.GetUtcNow() }
                : progress with { State = ProjectionRebuild.Failed, FinishedAt = clock.GetUtcNow(),
                    Error = $"{pending.Count} repaired documents were still overwritten by appends after {MaxPasses} passes; request the rebuild again." };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Rebuild of projection {Projection} failed", name);
            progress = (pass?.Current ?? progress) with { State = ProjectionRebuild.Failed, FinishedAt = clock.GetUtcNow(), Error = e.Message };
        }
        await using var session = store.LightweightSession();
        session.Store(progress);
        await session.SaveChangesAsync(cancellation);
        logger.LogInformation("Rebuild of projection {Projection}: {State} after {Passes} passes, {Streams} streams, {Events} events, {Repaired} documents repaired",
            name, progress.State, progress.Passes, progress.StreamsRebuilt, progress.EventsApplied, progress.DocumentsRepaired);
    }

    /// <returns>The streams whose document differed from their events and was rewritten, at the version it was folded
    /// at. The progress is stored with the documents.</returns>
    private async Task<IReadOnlyDictionary<Guid, long>> RebuildBatch<T>(Guid[] ids, ISubscriptionSource projection,
        ProjectedDocuments documents, StoredProgress progress, CancellationToken cancellation) where T : class
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        // Marten moves a stream's row in mt_streams with every append. Holding those rows makes an append to these
        // streams wait until their documents are written, so none can land between reading the events and storing
        // the document built from them.
        var versions = await StreamTable.LockAsync(session, store, ids, cancellation);
        var events = await StreamTable.EventsAsync(session, ids, EventTypeNames(projection), cancellation);
        var aggregator = _options.Projections.AggregatorFor<T>();
        var serializer = _options.Serializer();
        var folded = new List<FoldedDocument>(ids.Length);
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var document = await aggregator.BuildAsync(stream.ToList(), session, null, cancellation);
            folded.Add(new FoldedDocument(stream.Key, document is null ? null : serializer.SerializeToUtf8(document), versions[stream.Key]));
        }
        foreach (var id in ids.Except(folded.Select(f => f.Id)))
            folded.Add(new FoldedDocument(id, null, versions[id]));
        // Only documents that differ are written: an append that read an unchanged document built on the right state.
        var differing = await documents.WriteDifferingAsync(session.Connection!, folded, cancellation);
        await progress.CommitWithAsync(session, p => (p.Passes == 1
            ? p with { StreamsRebuilt = p.StreamsRebuilt + ids.Length, EventsApplied = p.EventsApplied + ids.Sum(id => versions[id]) }
            : p) with { DocumentsRepaired = p.DocumentsRepaired + differing.Count }, cancellation);
        return differing.ToDictionary(id => id, id => versions[id]);
    }

    /// <summary>The progress of a pass, stored in each batch's transaction. Batches commit one at a time, so what is
    /// stored counts every committed batch and never goes back.</summary>
    private sealed class StoredProgress(ProjectionRebuild start)
    {
        private readonly SemaphoreSlim _turn = new(1);

        public ProjectionRebuild Current { get; private set; } = start;

        public async Task CommitWithAsync(IDocumentSession session, Func<ProjectionRebuild, ProjectionRebuild> advance, CancellationToken cancellation)
        {
            await _turn.WaitAsync(cancellation);
            try
            {
                var next = advance(Current);
                session.Store(next);
                await session.SaveChangesAsync(cancellation);
                Current = next;
            }
            finally
            {
                _turn.Release();
            }
        }
    }

    private async Task<ProjectionRebuild> LoadProgress(string name, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ProjectionRebuild>(name, cancellation)
               ?? new ProjectionRebuild(name, ProjectionRebuild.Requested, Actors.System, clock.GetUtcNow());
    }

    private ISubscriptionSource? Find(string name) =>
        store.Options.Events.Projections().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static Type? DocumentTypeOf(ISubscriptionSource projection)
    {
        for (var type = projection.GetType(); type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>) && type.GetGenericArguments()[1] == typeof(Guid))
                return type.GetGenericArguments()[0];
        return null;
    }

    private static IReadOnlySet<Type>? IncludedEventTypes(ISubscriptionSource projection) =>
        projection is EventFilterable { IncludedEventTypes.Count: > 0 } filterable ? filterable.IncludedEventTypes.ToHashSet() : null;

    private IReadOnlyList<string>? EventTypeNames(ISubscriptionSource projection) =>
        IncludedEventTypes(projection)?.Select(t => ((Marten.Events.EventGraph)_options.Events).EventMappingFor(t).EventTypeName).ToList();
}
