using Marten;

namespace SecureMail.Application.Tickets.Details;

/// <summary>A ticket as it stood at a past moment or stream version, replayed from the events through the same
/// projection that keeps the live read model (so past and present can never be computed differently).</summary>
public static class TicketTimeTravel
{
    public static async Task<TicketDetails?> At(IQuerySession session, Guid ticketId, DateTimeOffset? asOf, long? version, CancellationToken cancellation)
    {
        var ticketEvents = await session.Events.FetchStreamAsync(ticketId, version ?? 0, asOf, token: cancellation);
        if (ticketEvents.Count == 0)
            return null;
        var projection = new TicketDetailsProjection();
        return ticketEvents.Aggregate((TicketDetails?)null, (state, e) => projection.Evolve(state, ticketId, e));
    }
}
