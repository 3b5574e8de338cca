using Marten;
using SecureMail.Application.Common;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Delivery;

/// <summary>What came of one delivery, carried by the durable outbox from the send to the ticket's stream.</summary>
public sealed record RecordDeliveryOutcome(Guid TicketId, Guid ArticleId, ArticleDelivered? Delivery, ArticleDeliveryFailed? Failure)
{
    public static RecordDeliveryOutcome Delivered(ArticleDelivered e) => new(e.TicketId, e.ArticleId, e, null);

    public static RecordDeliveryOutcome Failed(ArticleDeliveryFailed e) => new(e.TicketId, e.ArticleId, null, e);
}

/// <summary>Appends the outcome to the ticket's stream. It has no side effect outside the database, so a concurrency
/// conflict with another writer on the ticket is simply retried on the new state.</summary>
public static class RecordDeliveryOutcomeHandler
{
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) => DatabaseOutage.WaitOut(chain);

    public static async Task Handle(RecordDeliveryOutcome command, IDocumentSession session, AcceptedSends accepted, CancellationToken cancellation)
    {
        accepted.Forget(command.ArticleId);
        var stream = await session.Events.FetchForWriting<Ticket>(command.TicketId, cancellation);
        // The outbox delivers at least once: an outcome already recorded is not recorded twice.
        if (stream.Aggregate?.Article(command.ArticleId) is not { DeliveryConcluded: false })
            return;
        stream.AppendOne((object?)command.Delivery ?? command.Failure!);
    }
}
