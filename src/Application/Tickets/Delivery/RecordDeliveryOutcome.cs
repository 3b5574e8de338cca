using Marten;
using SecureMail.Application.Common;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Delivery;

/// <summary>What came of one delivery, as a message of its own: what an earlier version of the service queued between the
/// send and its record. Kept so that outcomes still queued when a node is upgraded are recorded; nothing sends it now.</summary>
public sealed record RecordDeliveryOutcome(Guid TicketId, Guid ArticleId, ArticleDelivered? Delivery, ArticleDeliveryFailed? Failure);

/// <summary>Appends the outcome to the ticket's stream. It has no side effect outside the database, so a concurrency
/// conflict with another writer on the ticket is simply retried on the new state.</summary>
public static class RecordDeliveryOutcomeHandler
{
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) => DatabaseOutage.WaitOut(chain);

    public static async Task Handle(RecordDeliveryOutcome command, IDocumentSession session, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Ticket>(command.TicketId, cancellation);
        // The outbox delivers at least once: an outcome already recorded is not recorded twice.
        if (stream.Aggregate?.Article(command.ArticleId) is not { DeliveryConcluded: false })
            return;
        stream.AppendOne((object?)command.Delivery ?? command.Failure!);
    }
}
