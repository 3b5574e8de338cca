using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Audit;
using Wolverine.Http;

namespace SecureMail.Api.Audit;

public static class EventHistoryEndpoints
{
    public const string Route = "/api/v1/audit";

    [WolverineGet(Route + "/streams/{id}/events"), Authorize(Roles = Roles.Readers), Tags("Audit")]
    [EndpointSummary("A stream's events by version, as stored: sequence, type alias, time, actor and data")]
    [ProducesResponseType<StreamHistory>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Stream(string id, IEventLog log, CancellationToken cancellation) =>
        Guid.TryParse(id, out var streamId) && await log.StreamAsync(streamId, cancellation) is { } history
            ? Results.Ok(history)
            : Problems.NotFound($"There is no event stream {id}.");

    [WolverineGet(Route + "/events"), Authorize(Roles = Roles.Readers), Tags("Audit")]
    [EndpointSummary("The global event log by sequence, filtered by type (comma-separated) and time [from, to): "
        + "100 a page (limit up to 1000) with the next cursor, or everything as one JSON object a line with Accept: application/x-ndjson")]
    [ProducesResponseType<EventLogPage>(200), ProducesResponseType<LoggedEvent>(200, NdjsonResult.ContentType)]
    public static async Task<IResult> Events(long? after, int? limit, string? type, DateTimeOffset? from, DateTimeOffset? to,
        HttpContext context, IEventLog log, CancellationToken cancellation)
    {
        if (NdjsonResult.IsAccepted(context.Request))
            return new NdjsonResult(log.ReadAsync(EventLogQuery.Export(after, limit, type, from, to), cancellation));
        var query = EventLogQuery.Page(after, limit, type, from, to);
        var events = new List<LoggedEvent>();
        await foreach (var logged in log.ReadAsync(query, cancellation))
            events.Add(logged);
        return Results.Ok(new EventLogPage(events, events.Count == query.Limit ? events[^1].Sequence : null));
    }
}
