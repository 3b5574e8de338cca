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
/// compose committed still sends. A temporary failure schedules the next attempt after the configured delay
/// (<see cref="DeliveryPolicy"/>); a permanent one, or the last attempt's, is recorded.</summary>
/// <remarks>The outcome is recorded by <see cref="RecordDeliveryOutcomeHandler"/>, not here: this handler appends nothing to
/// the ticket's stream, so a reply committed meanwhile cannot fail it with a concurrency conflict, whose retry would send the
/// message a second time (found by tests/Reliability: a busy ticket got duplicates and dead-lettered deliveries).</remarks>
public static class DeliverArticleHandler
{
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) => DatabaseOutage.WaitOut(chain);

    // IDocumentSession, though it only reads: it makes Wolverine commit the outgoing message and mark this one handled together.
    public static async Task<OutgoingMessages> Handle(DeliverArticle command, IDocumentSession session, IRawMessageStore messages,
        IMailTransport transport, DeliveryPolicy policy, AcceptedSends accepted, TimeProvider clock, ILogger<DeliverArticle> logger, CancellationToken cancellation)
    {
        var ticket = await session.Events.FetchLatest<Ticket>(command.TicketId, cancellation);
        var article = ticket?.Article(command.ArticleId);
        // At-least-once delivery: an article whose delivery is already concluded (delivered or failed) is not sent again.
        if (article is null || article.DeliveryConcluded)
            return [];
        if (accepted.Recall(command.ArticleId) is { } sent)
            return [sent];
        var raw = await messages.LoadAsync(session, command.ArticleId, cancellation);
        if (raw is null)
            return [Failed(command, "The stored message is missing.", clock)];
        try
        {
            var reply = await transport.SendAsync(raw, article.From, article.Recipients, cancellation);
            var outcome = RecordDeliveryOutcome.Delivered(new ArticleDelivered(command.TicketId, command.ArticleId, reply, command.Attempt, clock.GetUtcNow()));
            accepted.Remember(outcome);
            return [outcome];
        }
        catch (MailTransportFailed failed) when (!failed.Permanent && command.Attempt < policy.MaxAttempts)
        {
            var delay = policy.RetryDelays[command.Attempt - 1];
            logger.LogInformation("Article {ArticleId}: delivery attempt {Attempt} failed ({Reason}); the next in {Delay}", command.ArticleId,
                command.Attempt, failed.Message, delay);
            return [(command with { Attempt = command.Attempt + 1 }).DelayedFor(delay)];
        }
        catch (MailTransportFailed failed)
        {
            logger.LogWarning("Article {ArticleId} was not delivered after {Attempts} attempt(s): {Reason}", command.ArticleId, command.Attempt, failed.Message);
            return [Failed(command, failed.Message, clock)];
        }
    }

    private static RecordDeliveryOutcome Failed(DeliverArticle command, string reason, TimeProvider clock) =>
        RecordDeliveryOutcome.Failed(new ArticleDeliveryFailed(command.TicketId, command.ArticleId, reason, command.Attempt, clock.GetUtcNow()));
}
