using SecureMail.Domain.Common;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Common;
using SecureMail.Application.Projections;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Admin;

/// <param name="Lifecycle">Inline (written with the events) or Async (the background daemon); write-side Live aggregations are not stored and not listed.</param>
/// <param name="Position">The last event sequence the projection has applied; during a rebuild, the log's head less the events still to re-apply.</param>
/// <param name="Lag">Events in the log it has not applied yet; during a rebuild, the events it has still to re-apply.</param>
/// <param name="Rebuild">The latest rebuild, if any: state, who asked and when, streams and events done so far.</param>
public sealed record ProjectionStatus(string Name, string Lifecycle, long Position, long Lag, ProjectionRebuild? Rebuild);

public static class ProjectionEndpoints
{
    private const string Route = "/api/v1/admin/projections";

    // Auditors read the read models, so they may see how current each one is; only admins start a rebuild.
    [WolverineGet(Route), Authorize(Roles = Roles.Readers), Tags("Admin")]
    [EndpointSummary("Every projection: lifecycle, position in the event log, lag behind it, and its latest rebuild")]
    public static async Task<IReadOnlyList<ProjectionStatus>> List(IDocumentStore store, IQuerySession session, CancellationToken cancellation)
    {
        var head = (await store.Advanced.FetchEventStoreStatistics(token: cancellation)).EventSequenceNumber;
        var progress = (await store.Advanced.AllProjectionProgress(token: cancellation))
            .GroupBy(p => p.ShardName.Split(':')[0]).ToDictionary(g => g.Key, g => g.Min(p => p.Sequence));
        var rebuilds = (await session.Query<ProjectionRebuild>().ToListAsync(cancellation)).ToDictionary(r => r.Id);
        return store.Options.Events.Projections().Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p =>
        {
            var rebuild = rebuilds.GetValueOrDefault(p.Name);
            // Inline projections are written in the same transaction as their events: always at the head of the log.
            var lag = rebuild is { InProgress: true } ? Math.Max(0, rebuild.EventsTotal - rebuild.EventsApplied)
                : p.Lifecycle == ProjectionLifecycle.Inline ? 0 : Math.Max(0, head - progress.GetValueOrDefault(p.Name));
            return new ProjectionStatus(p.Name, p.Lifecycle.ToString(), head - lag, lag, rebuild);
        }).ToList();
    }

    [WolverinePost(Route + "/{name}/rebuild"), Authorize(Roles = Roles.Admin), Tags("Admin")]
    [EndpointSummary("Rebuild a stored projection from the events while the service keeps serving; progress at GET " + Route)]
    [ProducesResponseType<ProjectionRebuild>(202), ProducesResponseType<ProblemDetails>(404, "application/problem+json"),
     ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static async Task<IResult> Rebuild(string name, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        (await bus.InvokeAsync<Decision<ProjectionRebuild>>(new RequestProjectionRebuild(name, context.ActorName()), cancellation))
            .Reply(requested => Results.Accepted(Route, requested));
}
