using Marten;
using SecureMail.Application.Common;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Common;
using SecureMail.Domain.Inbound;

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

    public static async Task<Outcome<ReceivedArticle>> Handle(RetrySecurityProcess command, IDocumentSession session, SecurityProcess process, TimeProvider clock,
        CancellationToken cancellation)
    {
        var ticket = await session.LoadAsync<TicketDetails>(command.TicketId, cancellation);
        var article = ticket?.Articles.FirstOrDefault(a => a.Id == command.ArticleId);
        if (article is null)
            return Outcome<ReceivedArticle>.Refused(new(RejectionKind.NotFound, $"There is no article {command.ArticleId} on ticket {command.TicketId}."));
        if (article.Direction != "incoming")
            return Outcome<ReceivedArticle>.Refused(new(RejectionKind.Invalid, "Only incoming articles have a security process to retry."));
        var answer = Outcome<ReceivedArticle>.Of(new ReceivedArticle(command.TicketId, command.ArticleId));
        if (command.Trigger is not null && !article.AwaitsKey)
            return answer;
        var now = clock.GetUtcNow();
        await process.RecordAsync(session, command.TicketId, command.ArticleId,
            [new SecurityProcessRetried(command.TicketId, command.ArticleId, command.Actor, now, command.Trigger)], now, cancellation);
        return answer;
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
