using Marten;
using SecureMail.Application.Common;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Common;
using SecureMail.Domain.Inbound;

namespace SecureMail.Application.Inbound;

public sealed record RetrySecurityProcess(Guid TicketId, Guid ArticleId, string Actor);

public static class RetrySecurityProcessHandler
{
    public static async Task<Outcome<ReceivedArticle>> Handle(RetrySecurityProcess command, IDocumentSession session, SecurityProcess process, TimeProvider clock,
        CancellationToken cancellation)
    {
        var ticket = await session.LoadAsync<TicketDetails>(command.TicketId, cancellation);
        var article = ticket?.Articles.FirstOrDefault(a => a.Id == command.ArticleId);
        if (article is null)
            return Outcome<ReceivedArticle>.Refused(new(RejectionKind.NotFound, $"There is no article {command.ArticleId} on ticket {command.TicketId}."));
        if (article.Direction != "incoming")
            return Outcome<ReceivedArticle>.Refused(new(RejectionKind.Invalid, "Only incoming articles have a security process to retry."));
        var now = clock.GetUtcNow();
        var events = await process.Run(session, command.TicketId, command.ArticleId, now, cancellation);
        session.Events.Append(command.TicketId, [new SecurityProcessRetried(command.TicketId, command.ArticleId, command.Actor, now), .. events]);
        return Outcome<ReceivedArticle>.Of(new ReceivedArticle(command.TicketId, command.ArticleId));
    }
}

public sealed record RetryFailedSecurity(string Actor);

public sealed record RetryFailedAnswer(int Articles);

/// <summary>After a key import: every incoming article that failed for a key we did not hold is tried again.</summary>
public static class RetryFailedSecurityHandler
{
    public static async Task<(RetryFailedAnswer, Wolverine.OutgoingMessages)> Handle(RetryFailedSecurity command, IQuerySession session, CancellationToken cancellation)
    {
        var tickets = await session.Query<TicketDetails>().Where(t => t.AwaitingKeys).ToListAsync(cancellation);
        var retries = tickets.SelectMany(t => t.Articles.Where(a => a.AwaitsKey).Select(a => new RetrySecurityProcess(t.Id, a.Id, command.Actor))).ToList();
        var messages = new Wolverine.OutgoingMessages();
        messages.AddRange(retries);
        return (new RetryFailedAnswer(retries.Count), messages);
    }
}
