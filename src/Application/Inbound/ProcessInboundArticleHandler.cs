using Marten;
using SecureMail.Application.Common;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Tickets;

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
        var (stream, runs) = await SecurityAttempts.FetchAsync(session, command.TicketId, command.ArticleId, cancellation);
        if (!SecurityProcessDecisions.Awaits(stream.Aggregate, command.ArticleId))
            return;
        await process.RecordAsync(session, stream, runs, command.ArticleId, [], clock.GetUtcNow(), cancellation);
    }
}
