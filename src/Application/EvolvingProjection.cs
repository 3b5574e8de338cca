using JasperFx.Events;
using Marten.Events.Aggregation;
using SecureMail.Domain.Common;

namespace SecureMail.Application;

/// <summary>An aggregate folded by its own <see cref="Evolution{T}"/>: the event types it takes and how are declared once, in
/// the Domain. Marten's generated dispatch does not reach the package-free Domain project, so this is the one bridge.</summary>
public sealed class EvolvingProjection<T> : SingleStreamProjection<T, Guid> where T : class, IEvolving<T>
{
    public EvolvingProjection()
    {
        foreach (var type in T.Evolution.EventTypes)
            IncludeType(type);
    }

    public override T? Evolve(T? snapshot, Guid id, IEvent e) => T.Evolution.Evolve(snapshot, e.Data, e.Version);
}
