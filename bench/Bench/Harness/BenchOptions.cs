namespace SecureMail.Bench.Harness;

/// <summary>What to run and at what size. Quick mode shrinks every size so the whole run is a smoke test of the
/// harness (under two minutes), not a measurement to quote.</summary>
public sealed record BenchOptions(
    bool Quick,
    string ConnectionString,
    Uri Api,
    int? ApiProcessId,
    string SigningKey,
    string ReportPath,
    string WorkDirectory,
    IReadOnlySet<int> Rows,
    int Repeats)
{
    public const int Clients = 8;
    public const int BodyBytes = 10 * 1024;

    public int ProjectionEvents => Quick ? 10_000 : 200_000;
    public int KeystoreEntries => Quick ? 5_000 : 100_000;
    public int SmallKeystoreEntries => 100;
    public int LargeMessageBytes => 20 * 1024 * 1024;
    public int ComposeArticles => Quick ? 16 : 400;
    public int InboundArticles => Quick ? 16 : 400;
    public int PlainArticles => Quick ? 32 : 800;
    public int FloorMessages => Quick ? 16 : 400;
    public int LatencySamples => Quick ? 15 : 200;
    public int SubprocessSamples => Quick ? 3 : 20;

    /// <summary>A load row's warm-up: a tenth of its load, at least two articles per client.</summary>
    public static int WarmupFor(int articles) => Math.Max(2 * Clients, articles / 10);

    public bool Runs(int row) => Rows.Count == 0 || Rows.Contains(row);

    public static BenchOptions FromArguments(string[] args)
    {
        var quick = args.Contains("--quick");
        var rows = args.SkipWhile(a => a != "--rows").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToHashSet() ?? [];
        // A full run is three runs, each row reported from its median one: one run's ratio moves with the machine's load.
        var repeats = args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault() is { } given ? int.Parse(given) : quick || rows.Count > 0 ? 1 : 3;
        string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set (scripts/bench sets it).");
        return new BenchOptions(
            quick,
            Required("ConnectionStrings__Marten"),
            new Uri(Environment.GetEnvironmentVariable("BENCH_API") ?? "http://127.0.0.1:5091"),
            int.TryParse(Environment.GetEnvironmentVariable("BENCH_API_PID"), out var pid) ? pid : null,
            Required("Auth__SigningKey"),
            Required("BENCH_REPORT"),
            Required("BENCH_WORK"),
            rows,
            repeats);
    }
}
