using SecureMail.Domain.Common;
using SecureMail.Domain.Tickets;

namespace SecureMail.Domain.Inbound;

/// <summary>Whether an incoming article's security process runs, decided on the ticket aggregate.</summary>
public static class SecurityProcessDecisions
{
    /// <summary>The outbox delivers at least once: an article with a recorded outcome is left as it is (a retry is an
    /// explicit command).</summary>
    public static bool Awaits(Ticket? ticket, Guid articleId) =>
        ticket?.Article(articleId)?.Security?.Processing == SecurityProcessing.Pending;

    /// <param name="trigger">Set when a key import started the retry on its own: the article is retried only while it still
    /// waits for a key (two imports in a row retry it once). Accepted without events: nothing to do.</param>
    public static Decision Retry(Ticket? ticket, Guid ticketId, Guid articleId, string actor, string? trigger, DateTimeOffset now)
    {
        var article = ticket?.Article(articleId);
        if (article is null)
            return Decision.Reject(RejectionKind.NotFound, $"There is no article {articleId} on ticket {ticketId}.");
        if (article.Direction != ArticleDirection.Incoming || article.Security is null)
            return Decision.Reject(RejectionKind.Invalid, "Only incoming articles have a security process to retry.");
        if (trigger is not null && !article.Security.AwaitsKey)
            return Decision.Accept();
        return Decision.Accept(new SecurityProcessRetried(ticketId, articleId, actor, now, trigger));
    }
}
