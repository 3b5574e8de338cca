using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace SecureMail.Api.Health;

public sealed record HealthStatus(string Status);

public static class HealthEndpoint
{
    /// <summary>200 when the database answers, 503 when it does not. Anonymous, for load balancers.</summary>
    [WolverineGet("/health"), AllowAnonymous, Tags("Health")]
    public static async Task<IResult> Get(IQuerySession session, CancellationToken cancellation)
    {
        try
        {
            await session.QueryAsync<int>("select 1", cancellation);
            return Results.Ok(new HealthStatus("healthy"));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Marten.Exceptions.MartenCommandException or TimeoutException)
        {
            return Results.Json(new HealthStatus("database unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
