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

    /// <summary>
    /// A steady-state rate, found as BenchmarkDotNet's warm-up stage finds it: runs not counted until two in a row
    /// agree within <paramref name="tolerance"/> (at least <paramref name="minWarmups"/> runs, at most
    /// <paramref name="maxWarmups"/>), then the median of <paramref name="repeats"/>. A fresh process and fresh
    /// PostgreSQL backends pay page faults and JIT on the first runs of a large read (ADRs 15 and 20); the first run's
    /// rate is kept, for what a one-shot command pays.
    /// </summary>
    public static async Task<SteadyRate> SteadyRateAsync(Func<Task<double>> run, int repeats, int minWarmups = 3, int maxWarmups = 10, double tolerance = 0.05)
    {
        var first = await run();
        var (previous, warmups) = (first, 1);
        while (warmups < maxWarmups)
        {
            var rate = await run();
            warmups++;
            if (warmups >= minWarmups && Math.Abs(rate - previous) <= tolerance * previous)
                break;
            previous = rate;
        }
        var rates = new List<double>(repeats);
        for (var i = 0; i < repeats; i++)
            rates.Add(await run());
        return new SteadyRate(Median(rates), first, warmups);
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

public sealed record SteadyRate(double Median, double First, int Warmups)
{
    public override string ToString() => $"{Median:F0}/s after {Warmups} warm-up runs (the first at {First:F0}/s)";
}
