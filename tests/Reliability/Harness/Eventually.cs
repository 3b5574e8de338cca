namespace SecureMail.Reliability.Harness;

public static class Eventually
{
    /// <summary>Polls until <paramref name="done"/> holds; throws with <paramref name="what"/> and the last state when time
    /// runs out. The soak queues far more work, so there every wait is six times as long.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, Func<T, string> what)
    {
        timeout = Scale.Pick(timeout, timeout * 6);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var state = await probe();
            if (done(state))
                return state;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not reached within {timeout}: {what(state)}");
            await Task.Delay(200);
        }
    }
}
