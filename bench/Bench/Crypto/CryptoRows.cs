using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using SecureMail.Bench.Harness;

namespace SecureMail.Bench.Crypto;

/// <param name="ComposeFloor">Articles/s of S/MIME sign+encrypt in-process, 8 workers (row 1's reference).</param>
/// <param name="InboundFloor">Articles/s of S/MIME decrypt+verify in-process, 8 workers (row 2's reference).</param>
public sealed record CryptoResults(IReadOnlyList<Row> Rows, double? ComposeFloor, double? InboundFloor, CpuReading? ComposeFloorCpu,
    CpuReading? InboundFloorCpu);

public static class CryptoRows
{
    public static async Task<CryptoResults> RunAsync(BenchOptions options, TextWriter log)
    {
        using var fixture = CryptoFixture.SetUp(inboundPool: 20, withPgp: options.Runs(4));
        var rows = new List<Row>();

        double? composeFloor = null, inboundFloor = null;
        CpuReading? composeCpu = null, inboundCpu = null;
        if (options.Runs(1))
        {
            void Compose(int i) => fixture.Composer.Compose(fixture.Article, fixture.Smime.SignAndEncryptToCustomer());
            // Each floor is measured after a warm-up of a tenth of its load, as the load rows are: the first messages pay
            // for .NET compiling the crypto's code.
            await Timing.Throughput(options.FloorMessages / 10, BenchOptions.Clients, Compose);
            var before = CpuMeter.Read(null);
            composeFloor = await Timing.Throughput(options.FloorMessages, BenchOptions.Clients, Compose);
            composeCpu = CpuMeter.Read(null) - before;
            log.WriteLine($"row 1 reference: S/MIME sign+encrypt in-process, {BenchOptions.Clients} workers: {composeFloor:F1} articles/s");
        }
        if (options.Runs(2))
        {
            Task Inspect(int i) => fixture.InspectAsync(fixture.InboundMail[i % fixture.InboundMail.Count]);
            await Timing.ThroughputAsync(options.FloorMessages / 10, BenchOptions.Clients, Inspect);
            var before = CpuMeter.Read(null);
            inboundFloor = await Timing.ThroughputAsync(options.FloorMessages, BenchOptions.Clients, Inspect);
            inboundCpu = CpuMeter.Read(null) - before;
            log.WriteLine($"row 2 reference: S/MIME decrypt+verify in-process, {BenchOptions.Clients} workers: {inboundFloor:F1} articles/s");
        }

        var latencies = options.Runs(3) || options.Runs(4) ? Latencies(options, log) : new Dictionary<string, double>();
        if (options.Runs(3))
        {
            var openssl = OpenSslSpeed.Rsa2048SignMilliseconds(options.Quick ? 1 : 3);
            var sign = latencies[nameof(CryptoBenchmarks.SmimeSign)];
            rows.Add(new Row(3, "S/MIME sign per message (10 KB, RSA-2048)", new Measured(sign, "ms"),
                "`openssl speed rsa2048` private-key op", new Measured(openssl, "ms"), sign / openssl, "figure / reference",
                Target.AtMost(10, "<= 10x")));
        }
        if (options.Runs(4))
        {
            var ours = latencies[nameof(CryptoBenchmarks.PgpSignAndEncrypt)];
            var input = System.Text.Encoding.UTF8.GetBytes(Messages.Body);
            var gpg = Timing.MedianMilliseconds(options.SubprocessSamples, _ => fixture.Pgp!.GpgSignAndEncrypt(input), warmup: 1);
            rows.Add(new Row(4, "PGP sign+encrypt per message (10 KB, 2 recipients)", new Measured(ours, "ms"),
                "`gpg --sign --encrypt`, one process per message, passphrase-protected key", new Measured(gpg, "ms"), gpg / ours,
                "reference / figure", Target.AtLeast(20, ">= 20x faster")));
        }
        return new CryptoResults(rows, composeFloor, inboundFloor, composeCpu, inboundCpu);
    }

    /// <summary>Median nanoseconds → milliseconds of each benchmark, from a short in-process BenchmarkDotNet job.</summary>
    private static Dictionary<string, double> Latencies(BenchOptions options, TextWriter log)
    {
        var artifacts = Path.Combine(options.WorkDirectory, "BenchmarkDotNet.Artifacts");
        var logPath = Path.Combine(options.WorkDirectory, "benchmarkdotnet.log");
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(options.Quick ? 1 : 3)
            .WithIterationCount(options.Quick ? 3 : 10)
            .WithIterationTime(TimeInterval.FromMilliseconds(options.Quick ? 100 : 250));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(new StreamLogger(new StreamWriter(logPath, append: false) { AutoFlush = true }))
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        var names = new List<string>();
        if (options.Runs(3))
            names.Add(nameof(CryptoBenchmarks.SmimeSign));
        if (options.Runs(4))
            names.Add(nameof(CryptoBenchmarks.PgpSignAndEncrypt));
        var summary = BenchmarkRunner.Run<CryptoBenchmarks>(config.AddFilter(new NameFilter(names.Contains)));
        var medians = summary.Reports.Where(r => r.ResultStatistics is not null)
            .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r => r.ResultStatistics!.Median / 1e6);
        foreach (var (name, median) in medians)
            log.WriteLine($"BenchmarkDotNet {name}: median {median:F2} ms");
        if (names.Except(medians.Keys).ToList() is { Count: > 0 } missing)
            throw new InvalidOperationException($"BenchmarkDotNet produced no result for {string.Join(", ", missing)} (see {logPath}).");
        return medians;
    }
}
