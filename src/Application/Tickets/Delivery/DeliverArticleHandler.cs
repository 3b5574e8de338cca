using Marten;
using Microsoft.Extensions.Logging;
using SecureMail.Application.Delivery;
using SecureMail.Application.Messages;
using SecureMail.Application.Tickets.Compose;
using SecureMail.Domain.Tickets;
using Wolverine;

namespace SecureMail.Application.Tickets.Delivery;

/// <summary>Hands a stored article to the transport. Runs from Wolverine's durable local queue, so a crash after the
/// compose committed still sends; transient failures are retried by the policy set in Program, and the last one is recorded.</summary>
public static class DeliverArticleHandler
{
    public static async Task Handle(DeliverArticle command, Envelope envelope, IDocumentSession session, IRawMessageStore messages,
        IMailTransport transport, DeliveryPolicy policy, TimeProvider clock, ILogger<DeliverArticle> logger, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Ticket>(command.TicketId, cancellation);
        var article = stream.Aggregate?.Article(command.ArticleId);
        // At-least-once delivery: an article whose delivery is already concluded (delivered or failed) is not sent again.
        if (article is null || article.DeliveryConcluded)
            return;
        var raw = await messages.LoadAsync(session, command.ArticleId, cancellation);
        if (raw is null)
        {
            stream.AppendOne(new ArticleDeliveryFailed(command.TicketId, command.ArticleId, "The stored message is missing.", envelope.Attempts, clock.GetUtcNow()));
            return;
        }
        try
        {
            var reply = await transport.SendAsync(raw, article.From, article.Recipients, cancellation);
            stream.AppendOne(new ArticleDelivered(command.TicketId, command.ArticleId, reply, envelope.Attempts, clock.GetUtcNow()));
        }
        catch (MailTransportFailed failed) when (failed.Permanent || envelope.Attempts >= policy.MaxAttempts)
        {
            logger.LogWarning("Article {ArticleId} was not delivered after {Attempts} attempt(s): {Reason}", command.ArticleId, envelope.Attempts, failed.Message);
            stream.AppendOne(new ArticleDeliveryFailed(command.TicketId, command.ArticleId, failed.Message, envelope.Attempts, clock.GetUtcNow()));
        }
    }
}
