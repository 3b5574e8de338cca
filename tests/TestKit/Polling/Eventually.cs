using System.Diagnostics;

namespace SecureMail.TestKit.Polling;

/// <summary>Waits for what a service does in the background (deliveries, inbound processing, the audit chain, a start):
/// polls until a condition holds, and when the time is up fails with what was awaited, never returning a state that
/// does not hold.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds and returns that state.</summary>
    /// <param name="awaited">Names what was awaited, given the last state seen: the timeout's message.</param>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, Func<T, string> awaited,
        TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = await probe();
            if (done(state))
                return state;
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Not reached within {timeout}: {awaited(state)}");
            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    public static Task Until(Func<Task<bool>> condition, TimeSpan timeout, string awaited, TimeSpan? interval = null) =>
        Until(condition, holds => holds, timeout, _ => awaited, interval);
}
