using Marten;
using Microsoft.Extensions.Logging;
using SecureMail.Application.Common;
using SecureMail.Application.Delivery;
using SecureMail.Application.Messages;
using SecureMail.Application.Tickets.Compose;
using SecureMail.Domain.Tickets;
using Wolverine;

namespace SecureMail.Application.Tickets.Delivery;

/// <summary>Hands a stored article to the transport. Runs from Wolverine's durable local queue, so a crash after the
/// compose committed still sends; transient failures are retried by the policy set in Program, and the last one is recorded.</summary>
/// <remarks>The outcome is recorded by <see cref="RecordDeliveryOutcomeHandler"/>, not here: this handler appends nothing to
/// the ticket's stream, so a reply committed meanwhile cannot fail it with a concurrency conflict, whose retry would send the
/// message a second time (found by tests/Reliability: a busy ticket got duplicates and dead-lettered deliveries).</remarks>
public static class DeliverArticleHandler
{
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) => DatabaseOutage.WaitOut(chain);

    // IDocumentSession, though it only reads: it makes Wolverine commit the outcome message and mark this one handled together.
    public static async Task<RecordDeliveryOutcome?> Handle(DeliverArticle command, Envelope envelope, IDocumentSession session, IRawMessageStore messages,
        IMailTransport transport, DeliveryPolicy policy, AcceptedSends accepted, TimeProvider clock, ILogger<DeliverArticle> logger, CancellationToken cancellation)
    {
        var ticket = await session.Events.FetchLatest<Ticket>(command.TicketId, cancellation);
        var article = ticket?.Article(command.ArticleId);
        // At-least-once delivery: an article whose delivery is already concluded (delivered or failed) is not sent again.
        if (article is null || article.DeliveryConcluded)
            return null;
        if (accepted.Recall(command.ArticleId) is { } sent)
            return sent;
        var raw = await messages.LoadAsync(session, command.ArticleId, cancellation);
        if (raw is null)
            return RecordDeliveryOutcome.Failed(new ArticleDeliveryFailed(command.TicketId, command.ArticleId, "The stored message is missing.", envelope.Attempts, clock.GetUtcNow()));
        try
        {
            var reply = await transport.SendAsync(raw, article.From, article.Recipients, cancellation);
            var outcome = RecordDeliveryOutcome.Delivered(new ArticleDelivered(command.TicketId, command.ArticleId, reply, envelope.Attempts, clock.GetUtcNow()));
            accepted.Remember(outcome);
            return outcome;
        }
        catch (MailTransportFailed failed) when (failed.Permanent || envelope.Attempts >= policy.MaxAttempts)
        {
            logger.LogWarning("Article {ArticleId} was not delivered after {Attempts} attempt(s): {Reason}", command.ArticleId, envelope.Attempts, failed.Message);
            return RecordDeliveryOutcome.Failed(new ArticleDeliveryFailed(command.TicketId, command.ArticleId, failed.Message, envelope.Attempts, clock.GetUtcNow()));
        }
    }
}
