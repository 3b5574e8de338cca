using System.Diagnostics;

namespace SecureMail.Bench.Harness;

/// <summary>Stopwatch measurements for what BenchmarkDotNet cannot do in the time budget: medians of repeated
/// operations, and throughput of N concurrent workers over a fixed amount of work.</summary>
public static class Timing
{
    public static double Median(IEnumerable<double> samples)
    {
        var sorted = samples.OrderBy(s => s).ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Median milliseconds of <paramref name="samples"/> runs, after <paramref name="warmup"/> unmeasured ones.</summary>
    public static async Task<double> MedianMillisecondsAsync(int samples, Func<int, Task> operation, int warmup = 2)
    {
        for (var i = 0; i < warmup; i++)
            await operation(-1 - i);
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await operation(i);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Median(times);
    }

    public static double MedianMilliseconds(int samples, Action<int> operation, int warmup = 2) =>
        MedianMillisecondsAsync(samples, i => { operation(i); return Task.CompletedTask; }, warmup).GetAwaiter().GetResult();

    /// <summary>Operations per second when <paramref name="workers"/> take the next of <paramref name="total"/> items until none is left.</summary>
    public static async Task<double> ThroughputAsync(int total, int workers, Func<int, Task> operation)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < total)
                await operation(item);
        })));
        return total / clock.Elapsed.TotalSeconds;
    }

    public static Task<double> Throughput(int total, int workers, Action<int> operation) =>
        ThroughputAsync(total, workers, i => { operation(i); return Task.CompletedTask; });
}
