using Marten;
using Microsoft.AspNetCore.Authorization;
using SecureMail.Api.CodeGeneration;
using SecureMail.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Application.Keystore.Alerts;
using SecureMail.Domain.Keystore.Expiry;
using Wolverine.Http;

namespace SecureMail.Api.Health;

/// <param name="Status">healthy; degraded (still 200) when a group's own key has ended or ends within a week, since its
/// mail can then no longer be signed; database unavailable (503).</param>
/// <param name="WarmUp">Whether Wolverine's code for every endpoint and handler is compiled yet (ADR 19): requests are
/// answered either way, the first of each kind only sooner once it is.</param>
/// <param name="Reasons">Why it is degraded.</param>
public sealed record HealthStatus(string Status, WarmUpState WarmUp, IReadOnlyList<string> Reasons);

public static class HealthEndpoint
{
    [WolverineGet("/health"), AllowAnonymous, Tags("Health")]
    [EndpointSummary("200 when the database answers (degraded, with the reasons, when a group's key ends within 7 days), 503 when it does not (anonymous, for load balancers)")]
    [ProducesResponseType<HealthStatus>(200), ProducesResponseType<HealthStatus>(503)]
    public static async Task<IResult> Get(IQuerySession session, WolverineWarmUp warmUp, TimeProvider clock, CancellationToken cancellation)
    {
        try
        {
            var groupKeys = await GroupKeys.LongestLastingAsync(session, cancellation);
            var reasons = KeystoreAlerts.GroupKeyAlerts(groupKeys, KeyExpiry.CriticalDays, clock.GetUtcNow()).Select(a => a.Message).ToList();
            return Results.Ok(new HealthStatus(reasons.Count == 0 ? "healthy" : "degraded", warmUp.State, reasons));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Marten.Exceptions.MartenCommandException or TimeoutException)
        {
            return Results.Json(new HealthStatus("database unavailable", warmUp.State, []), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
