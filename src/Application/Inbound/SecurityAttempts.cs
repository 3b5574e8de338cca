using System.Collections.Concurrent;
using JasperFx.Events;
using Marten;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Tickets;
using SecureMail.Application.Common;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace SecureMail.Application.Inbound;

/// <summary>Counts the runs of an article's security process in a transaction of its own, committed before the work: a
/// message that kills the process (a stack overflow, memory) counts as surely as one that throws, so the durable queue,
/// which reruns unfinished work after a restart, cannot rerun it for ever. Past <see cref="Max"/> the article is given up.</summary>
public sealed class SecurityAttempts(IDocumentStore store)
{
    public const int Max = 3;

    /// <summary>Pauses before Wolverine runs a failed attempt again: one per attempt, so the run after the last one gives up.</summary>
    private static readonly TimeSpan[] Cooldowns = [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    // Articles whose last run in this process ended for a reason that is not the message's; their next run here resumes that
    // attempt. A restart forgets them: after one, a crash the message caused cannot be told from one it did not.
    private readonly ConcurrentDictionary<Guid, bool> interrupted = new();

    /// <summary>The ticket, fetched for writing, and the runs the article's process has had so far, in one round trip. The
    /// ticket's inline view comes in the same round trip: the projection of the outcome evolves it from the session's identity
    /// map instead of loading it on commit (ADR 52). The append is still checked against the version the ticket was read at.</summary>
    public static async Task<(IEventStream<Ticket> Ticket, int Runs)> FetchAsync(IDocumentSession session, Guid ticketId, Guid articleId,
        CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var ticket = batch.Events.FetchForWriting<Ticket>(ticketId);
        _ = batch.Events.FetchForWriting<TicketDetails>(ticketId);
        var attempt = batch.Load<SecurityAttempt>(articleId);
        await batch.Execute(cancellation);
        return (await ticket, (await attempt)?.Runs ?? 0);
    }

    /// <param name="runs">The runs counted so far (<see cref="FetchAsync"/>).</param>
    /// <returns>The number of this attempt; above <see cref="Max"/> the article is to be given up.</returns>
    public async Task<int> BeginAsync(Guid articleId, int runs, CancellationToken cancellation)
    {
        if (interrupted.TryRemove(articleId, out _) && runs > 0)
            return runs;
        await using var session = store.LightweightSession();
        session.Store(new SecurityAttempt(articleId, runs + 1));
        await session.SaveChangesAsync(cancellation);
        return runs + 1;
    }

    /// <summary>The run that began ended in <paramref name="exception"/>; when it is not the message's fault, the attempt is not used up.</summary>
    public void Ended(Guid articleId, Exception exception)
    {
        if (IsNotTheMessagesFault(exception))
            interrupted[articleId] = true;
    }

    /// <summary>In the transaction that records the outcome: a later retry starts again at the first attempt.</summary>
    public static void Finish(IDocumentSession session, Guid articleId) => session.Delete<SecurityAttempt>(articleId);

    /// <summary>A run that throws is run again after a pause, each run an attempt, until the bound gives the article up. A
    /// database outage waits (<see cref="DatabaseOutage"/>) and a write conflict retries (the global policy) without using one up.</summary>
    public static void RetryFailures(HandlerChain chain) =>
        chain.OnException(e => !IsNotTheMessagesFault(e), "the security process failed").RetryWithCooldown(Cooldowns);

    private static bool IsNotTheMessagesFault(Exception exception) =>
        DatabaseOutage.IsOutage(exception) || exception is JasperFx.ConcurrencyException;
}

/// <summary>Operational state beside the events, like Wolverine's own inbox: the runs of an unfinished security process.</summary>
public sealed record SecurityAttempt(Guid Id, int Runs);
