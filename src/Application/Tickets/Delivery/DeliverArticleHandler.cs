using Marten;
using Microsoft.Extensions.Logging;
using SecureMail.Application.Common;
using SecureMail.Application.Delivery;
using SecureMail.Application.Messages;
using SecureMail.Application.Tickets.Compose;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Tickets;
using Wolverine;

namespace SecureMail.Application.Tickets.Delivery;

/// <summary>Hands a stored article to the transport and records what came of it on the ticket, in the transaction that marks
/// this message handled. Runs from Wolverine's durable local queue, so a crash after the compose committed still sends. A
/// temporary failure schedules the next attempt after the configured delay (<see cref="DeliveryPolicy"/>); a permanent
/// one, or the last attempt's, is recorded.</summary>
/// <remarks>A reply committed to the ticket between the read and this commit fails it with a concurrency conflict, and the
/// delivery runs again on the new state: the outcome of a send the relay already accepted is then recalled
/// (<see cref="AcceptedSends"/>) and recorded, never sent a second time (ADR 13).</remarks>
public static class DeliverArticleHandler
{
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) => DatabaseOutage.WaitOut(chain);

    public static async Task<OutgoingMessages> Handle(DeliverArticle command, IDocumentSession session, IRawMessageStore messages,
        IMailTransport transport, DeliveryPolicy policy, AcceptedSends accepted, TimeProvider clock, ILogger<DeliverArticle> logger, CancellationToken cancellation)
    {
        // The ticket's inline view, not its events (ADR 51): the one read serves this decision, the version check and the
        // inline projection of the outcome, which takes the fetched view from the session's identity map.
        var stream = await session.Events.FetchForWriting<TicketDetails>(command.TicketId, cancellation);
        var article = stream.Aggregate?.Article(command.ArticleId);
        // At-least-once delivery: an article whose delivery is already concluded (delivered or failed) is not sent again.
        if (article is not { AwaitsDelivery: true })
            return [];
        if (accepted.Recall(command.ArticleId) is { } sent)
            return Record(sent);
        var raw = await messages.LoadAsync(session, command.ArticleId, cancellation);
        if (raw is null)
            return Record(Failed(command, "The stored message is missing.", clock));
        try
        {
            var reply = await transport.SendAsync(raw, article.From, article.Recipients, cancellation);
            var delivered = new ArticleDelivered(command.TicketId, command.ArticleId, reply, command.Attempt, clock.GetUtcNow());
            accepted.Remember(command.ArticleId, delivered);
            return Record(delivered);
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
            return Record(Failed(command, failed.Message, clock));
        }

        OutgoingMessages Record(object outcome)
        {
            stream.AppendOne(outcome);
            accepted.ForgetAfterCommit(session, command.ArticleId);
            return [];
        }
    }

    private static ArticleDeliveryFailed Failed(DeliverArticle command, string reason, TimeProvider clock) =>
        new(command.TicketId, command.ArticleId, reason, command.Attempt, clock.GetUtcNow());
}
