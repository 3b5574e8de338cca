using System.Diagnostics;
using SecureMail.Bench.Store;
using SecureMail.TestKit.Polling;

namespace SecureMail.Bench.Load;

/// <summary>Watches the service's event log from the side (one cheap count query a poll) to know when background
/// work (deliveries, inbound processing) has caught up.</summary>
public sealed class EventCounts(string connectionString, string schema)
{
    public Task<long> OfAsync(params string[] types) => Schemas.CountAsync(connectionString,
        $"select count(*) from {schema}.mt_events where type in ({string.Join(",", types.Select(t => $"'{t}'"))})");

    /// <returns>How long it took.</returns>
    public async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout, string awaited)
    {
        var clock = Stopwatch.StartNew();
        await Eventually.Until(done, timeout, awaited);
        return clock.Elapsed;
    }
}
