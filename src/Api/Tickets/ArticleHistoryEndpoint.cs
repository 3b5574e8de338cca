using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Audit;
using Wolverine.Http;

namespace SecureMail.Api.Tickets;

public static class ArticleHistoryEndpoint
{
    [WolverineGet("/api/v1/tickets/{id}/articles/{articleId}/history"), Authorize(Roles = Roles.Everyone), Tags("Tickets")]
    [EndpointSummary("What happened to an article, with times and actors: composed, signed, encrypted, delivered; or received, decrypted, verified, retried")]
    [ProducesResponseType<IReadOnlyList<LoggedEvent>>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, Guid articleId, IEventLog log, CancellationToken cancellation) =>
        await ArticleHistory.For(log, id, articleId, cancellation) is { } history
            ? Results.Ok(history)
            : Problems.NotFound($"There is no article {articleId} on ticket {id}.");
}
