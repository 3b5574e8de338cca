using Marten;
using SecureMail.Application.Common;
using SecureMail.Application.Tickets.Details;

namespace SecureMail.Application.Inbound;

public static class ProcessInboundArticleHandler
{
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain)
    {
        DatabaseOutage.WaitOut(chain);
        SecurityAttempts.RetryFailures(chain);
    }

    public static async Task Handle(ProcessInboundArticle command, IDocumentSession session, SecurityProcess process, TimeProvider clock, CancellationToken cancellation)
    {
        // The outbox delivers at least once: an article already processed is left as it is (a retry is an explicit command).
        var ticket = await session.LoadAsync<TicketDetails>(command.TicketId, cancellation);
        if (ticket?.Articles.FirstOrDefault(a => a.Id == command.ArticleId) is not { Security: null })
            return;
        await process.RecordAsync(session, command.TicketId, command.ArticleId, [], clock.GetUtcNow(), cancellation);
    }
}
