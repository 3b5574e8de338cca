using Marten;
using SecureMail.Application.Common;
using SecureMail.Domain.Common;
using Wolverine;
using Wolverine.Attributes;

namespace SecureMail.Application.Projections;

public sealed record RequestProjectionRebuild(string Name, string Actor);

/// <summary>Carried by the durable outbox, so a rebuild that a crash interrupts runs again on a surviving node.</summary>
public sealed record RebuildProjection(string Name);

public static class RequestProjectionRebuildHandler
{
    public static async Task<(Decision<ProjectionRebuild>, OutgoingMessages)> Handle(RequestProjectionRebuild command, IDocumentSession session,
        IProjectionRebuilder rebuilder, TimeProvider clock, CancellationToken cancellation)
    {
        var none = new OutgoingMessages();
        if (rebuilder.WhyNotRebuildable(command.Name) is { } why)
            return (Decision<ProjectionRebuild>.Reject(why), none);
        var current = await session.LoadAsync<ProjectionRebuild>(command.Name, cancellation);
        if (current is { InProgress: true })
            return (Decision<ProjectionRebuild>.Reject(new(RejectionKind.Conflict,
                $"A rebuild of {command.Name} requested by {current.RequestedBy} at {current.RequestedAt:O} is still {current.State}.")), none);
        var requested = new ProjectionRebuild(command.Name, ProjectionRebuild.Requested, command.Actor, clock.GetUtcNow());
        session.Store(requested);
        return (Decision<ProjectionRebuild>.Accept(requested), [new RebuildProjection(command.Name)]);
    }
}

public static class RebuildProjectionHandler
{
    // A rebuild of a large store runs for minutes; Wolverine's default would cancel it after one.
    [MessageTimeout(6 * 60 * 60)]
    public static Task Handle(RebuildProjection command, IProjectionRebuilder rebuilder, CancellationToken cancellation) =>
        rebuilder.RunAsync(command.Name, cancellation);
}
