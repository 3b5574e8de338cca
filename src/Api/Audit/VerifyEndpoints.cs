using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Audit;
using Wolverine.Http;

namespace SecureMail.Api.Audit;

/// <summary>Hashes an auditor kept outside the database; verification fails when the chain no longer reaches them.</summary>
public sealed record VerifyRequest(IReadOnlyList<PinnedCheckpoint>? Pinned);

public static class VerifyEndpoints
{
    [WolverinePost(EventHistoryEndpoints.Route + "/verify"), Authorize(Roles = Roles.Readers), Tags("Audit")]
    [EndpointSummary("Recompute the event log's hash chain: counts checked, and the first event whose stored form no longer matches. "
        + "Optional body {\"pinned\":[{\"sequence\":N,\"hash\":\"hex\"}]} with checkpoints kept outside the database")]
    [ProducesResponseType<VerificationReport>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Verify(HttpContext context, IAuditChain chain, CancellationToken cancellation)
    {
        VerifyRequest? request = null;
        if (context.Request.HasJsonContentType())
        {
            try
            {
                request = await context.Request.ReadFromJsonAsync<VerifyRequest>(cancellation);
            }
            catch (JsonException e)
            {
                return Problems.Problem(StatusCodes.Status400BadRequest, "Unreadable request", $"The body is not a verify request: {e.Message}");
            }
        }
        return Results.Ok(await chain.VerifyAsync(request?.Pinned ?? [], cancellation));
    }

    [WolverineGet(EventHistoryEndpoints.Route + "/checkpoints"), Authorize(Roles = Roles.Readers), Tags("Audit")]
    [EndpointSummary("The chain's checkpoints, newest first (limit, default 100): copy them out of the database to pin them")]
    public static Task<IReadOnlyList<Checkpoint>> Checkpoints(int? limit, IAuditChain chain, CancellationToken cancellation) =>
        chain.CheckpointsAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellation);
}
