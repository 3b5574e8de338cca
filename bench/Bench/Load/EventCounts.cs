using SecureMail.Bench.Store;

namespace SecureMail.Bench.Load;

/// <summary>Watches the service's event log from the side (one cheap count query a poll) to know when background
/// work (deliveries, inbound processing) has caught up.</summary>
public sealed class EventCounts(string connectionString, string schema)
{
    public Task<long> OfAsync(params string[] types) => Schemas.CountAsync(connectionString,
        $"select count(*) from {schema}.mt_events where type in ({string.Join(",", types.Select(t => $"'{t}'"))})");

    public async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException("The service's background work did not catch up in time.");
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }
}
