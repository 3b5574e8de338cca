using SecureMail.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Api.OpenApi;
using SecureMail.Application.Common;
using SecureMail.Application.Inbound;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Tickets;

public static class InboundEndpoints
{
    /// <summary>The raw message is the body; it is stored before anything else and processed from the outbox.</summary>
    [WolverinePost("/api/v1/inbound"), Authorize(Roles = Roles.Mailer), Tags("Inbound")]
    [EndpointSummary("Post a raw incoming message (message/rfc822); it is stored, threaded, then decrypted and verified")]
    [AcceptsUpload("message/rfc822", "application/octet-stream", "text/plain")]
    [ProducesResponseType<ReceivedArticle>(202), ProducesResponseType<ProblemDetails>(400, "application/problem+json"),
     ProducesResponseType<ProblemDetails>(413, "application/problem+json")]
    public static async Task<IResult> Receive(HttpContext context, InboundOptions options, IMessageBus bus, CancellationToken cancellation)
    {
        var raw = await Upload.ReadBodyAsync(context.Request, options.MaxMessageBytes, cancellation);
        var received = await bus.InvokeAsync<ReceivedArticle>(new ReceiveMessage(raw, context.ActorName()), cancellation);
        return Results.Accepted($"/api/v1/tickets/{received.TicketId}", received);
    }

    [WolverinePost("/api/v1/tickets/{id}/articles/{articleId}/retry-security"), Authorize(Roles = Roles.Agent), Tags("Inbound")]
    [EndpointSummary("Decrypt and verify a stored incoming article again with today's keystore")]
    [ProducesResponseType<ReceivedArticle>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json"),
     ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static async Task<IResult> Retry(Guid id, Guid articleId, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        (await bus.InvokeAsync<Decision<ReceivedArticle>>(new RetrySecurityProcess(id, articleId, context.ActorName()), cancellation))
            .Reply(Results.Ok);

    [WolverinePost("/api/v1/inbound/retry-failed"), Authorize(Roles = Roles.Admin), Tags("Inbound")]
    [EndpointSummary("Retry every incoming article that failed for a key the keystore did not hold (e.g. after importing it)")]
    [ProducesResponseType<RetryFailedAnswer>(202)]
    public static async Task<IResult> RetryFailed(HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Results.Accepted(null as string, await bus.InvokeAsync<RetryFailedAnswer>(new RetryFailedSecurity(context.ActorName()), cancellation));
}
