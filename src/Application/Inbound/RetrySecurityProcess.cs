using SecureMail.Domain.Common;
using Marten;
using SecureMail.Application.Common;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Inbound;

/// <param name="Trigger">Set when a key import started the retry on its own: the article is retried only while it still
/// waits for a key (two imports in a row retry it once), and its history names the import.</param>
public sealed record RetrySecurityProcess(Guid TicketId, Guid ArticleId, string Actor, string? Trigger = null);

public static class RetrySecurityProcessHandler
{
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain)
    {
        DatabaseOutage.WaitOut(chain);
        SecurityAttempts.RetryFailures(chain);
    }

    public static async Task<Decision<ReceivedArticle>> Handle(RetrySecurityProcess command, IDocumentSession session, SecurityProcess process, TimeProvider clock,
        CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var (stream, runs) = await SecurityAttempts.FetchAsync(session, command.TicketId, command.ArticleId, cancellation);
        var decision = SecurityProcessDecisions.Retry(stream.Aggregate, command.TicketId, command.ArticleId, command.Actor, command.Trigger, now);
        if (decision.Rejection is { } rejection)
            return Decision<ReceivedArticle>.Reject(rejection);
        if (decision.Events.Count > 0)
            await process.RecordAsync(session, stream, runs, command.ArticleId, decision.Events, now, cancellation);
        return Decision<ReceivedArticle>.Accept(new ReceivedArticle(command.TicketId, command.ArticleId));
    }
}

public sealed record RetryFailedSecurity(string Actor);

public sealed record RetryFailedAnswer(int Articles);

/// <summary>After a key import: every incoming article that failed for a key we did not hold is tried again.</summary>
public static class RetryFailedSecurityHandler
{
    public static async Task<(RetryFailedAnswer, Wolverine.OutgoingMessages)> Handle(RetryFailedSecurity command, IQuerySession session, CancellationToken cancellation)
    {
        var retries = await AwaitingKeys.ArticlesAsync(session, _ => true, cancellation);
        var messages = new Wolverine.OutgoingMessages();
        messages.AddRange(retries.Select(a => new RetrySecurityProcess(a.TicketId, a.ArticleId, command.Actor)));
        return (new RetryFailedAnswer(retries.Count), messages);
    }
}
