using Npgsql;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace SecureMail.Application.Common;

/// <summary>Queued work (a delivery, its outcome, an incoming message) that meets a database outage waits in memory and
/// runs again once the database answers. Wolverine's default would dead-letter it on the first failure, and the work
/// would be lost (found by tests/Reliability: mail composed before an outage never sent, inbound mail never processed).
/// HTTP requests are not covered: they answer 503 at once (ExceptionMapping).</summary>
public static class DatabaseOutage
{
    // About a hundred seconds held in memory, retried at least every 5 s so work resumes soon after the database does
    // (Wolverine allows 25 attempts); a longer outage falls back to a retry scheduled in the inbox every minute.
    private static readonly TimeSpan[] Backoff =
        [.. new[] { 0.25, 0.5, 1, 2, 3 }.Select(TimeSpan.FromSeconds), .. Enumerable.Repeat(TimeSpan.FromSeconds(5), 19)];

    public static void WaitOut(HandlerChain chain) =>
        chain.OnException(IsOutage, "the database is unreachable")
            .RetryWithCooldown(Backoff)
            .Then.ScheduleRetryIndefinitely(TimeSpan.FromMinutes(1));

    /// <summary>Npgsql's own verdict on any exception in the chain (a commit can surface as an ObjectDisposedException around
    /// it): a refused or broken connection, a timeout, a server shutting down. A bad query is not an outage.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true })
                return true;
        return false;
    }
}
