using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using Wolverine.Http;

namespace SecureMail.Api.Admin;

/// <param name="Lifecycle">Inline (written with the events) or Async (the background daemon); write-side Live aggregations are not stored and not listed.</param>
/// <param name="Position">The last event sequence the projection has applied.</param>
/// <param name="Lag">Events in the log it has not applied yet.</param>
public sealed record ProjectionStatus(string Name, string Lifecycle, long Position, long Lag);

public static class ProjectionEndpoints
{
    private const string Route = "/api/v1/admin/projections";

    [WolverineGet(Route), Authorize(Roles = Roles.Admin), Tags("Admin")]
    [EndpointSummary("Every projection: lifecycle, position in the event log, and lag behind it")]
    public static async Task<IReadOnlyList<ProjectionStatus>> List(IDocumentStore store, CancellationToken cancellation)
    {
        var head = (await store.Advanced.FetchEventStoreStatistics(token: cancellation)).EventSequenceNumber;
        var progress = (await store.Advanced.AllProjectionProgress(token: cancellation))
            .GroupBy(p => p.ShardName.Split(':')[0]).ToDictionary(g => g.Key, g => g.Min(p => p.Sequence));
        // Inline projections are written in the same transaction as their events: always at the head of the log.
        return store.Options.Events.Projections().Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p =>
        {
            var position = p.Lifecycle == ProjectionLifecycle.Inline ? head : progress.GetValueOrDefault(p.Name);
            return new ProjectionStatus(p.Name, p.Lifecycle.ToString(), position, Math.Max(0, head - position));
        }).ToList();
    }
}
