using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services;
using Marten.Subscriptions;
using Npgsql;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>
/// Follows the event log through Marten's async daemon, which hands out pages strictly in sequence order and commits
/// each page (with its progress) before the next. Each page's events are digested by the database as stored, never
/// re-serialized (ADR 20), and their chain records are written in the page's transaction, in one statement. The chain's own head, not
/// the daemon's progress, says where to continue, so a replayed or rewound subscription never chains an event twice.
/// </summary>
public sealed class HashChainSubscription : SubscriptionBase
{
    public const string SubscriptionName = "AuditHashChain";

    private readonly ChainHash chain;
    private readonly AuditTables tables;
    private readonly EventDigests events;
    private readonly int checkpointEvery;

    public HashChainSubscription(ChainHash chain, AuditTables tables, EventDigests events, int checkpointEvery)
    {
        this.chain = chain;
        this.tables = tables;
        this.events = events;
        this.checkpointEvery = checkpointEvery;
        Name = SubscriptionName;
        IncludeArchivedEvents = true;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)operations.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var head = await tables.HeadAsync(connection, cancellationToken);
        var previous = head?.Hash ?? ChainHash.Genesis;
        var position = head?.Position ?? 0;
        var links = new List<ChainLink>();
        await foreach (var digest in events.RangeAsync(transaction, Math.Max(page.SequenceFloor, head?.Sequence ?? 0), page.SequenceCeiling,
                           withDataDigest: true, cancellationToken))
        {
            var link = chain.Link(++position, previous, digest);
            links.Add(link);
            previous = link.Hash;
        }
        if (links.Count == 0)
            return NoListener.Instance;
        operations.QueueSqlCommand(tables.InsertLinks, links.Select(l => l.Sequence).ToArray(), links.Select(l => l.Position).ToArray(),
            links.Select(l => l.StreamId).ToArray(), links.Select(l => l.Digest).ToArray(), links.Select(l => l.DataDigest).ToArray(),
            links.Select(l => l.Hash).ToArray());
        foreach (var link in links.Where(l => l.Position % checkpointEvery == 0))
            operations.QueueSqlCommand(tables.InsertCheckpoint, link.Position, link.Sequence, link.Hash);
        return NoListener.Instance;
    }

    private sealed class NoListener : IChangeListener
    {
        public static readonly NoListener Instance = new();

        public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

        public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }
}
