using Marten;
using Microsoft.AspNetCore.Authorization;
using SecureMail.Api.CodeGeneration;
using SecureMail.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace SecureMail.Api.Health;

/// <param name="WarmUp">Whether Wolverine's code for every endpoint and handler is compiled yet (ADR 19): requests are
/// answered either way, the first of each kind only sooner once it is.</param>
public sealed record HealthStatus(string Status, WarmUpState WarmUp);

public static class HealthEndpoint
{
    [WolverineGet("/health"), AllowAnonymous, Tags("Health")]
    [EndpointSummary("200 when the database answers, 503 when it does not (anonymous, for load balancers)")]
    [ProducesResponseType<HealthStatus>(200), ProducesResponseType<HealthStatus>(503)]
    public static async Task<IResult> Get(IQuerySession session, WolverineWarmUp warmUp, CancellationToken cancellation)
    {
        try
        {
            await session.QueryAsync<int>("select 1", cancellation);
            return Results.Ok(new HealthStatus("healthy", warmUp.State));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Marten.Exceptions.MartenCommandException or TimeoutException)
        {
            return Results.Json(new HealthStatus("database unavailable", warmUp.State), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
