using System.Diagnostics;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using SecureMail.Api.Tests.Support;
using SecureMail.Application.Audit;
using SecureMail.Infrastructure.Audit;
using Xunit.Abstractions;

namespace SecureMail.Api.Tests.Audit;

/// <summary>Runs only with AUDIT_BENCHMARK=1 (a measurement, not a test): 100k synthetic events in a schema of their
/// own, chained by the subscription as the service would, then verified.
/// <c>AUDIT_BENCHMARK=1 dotnet test tests/Api.Tests -c Release --filter Category=Benchmark --logger "console;verbosity=detailed"</c></summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("AUDIT_BENCHMARK") != "1")
            Skip = "A benchmark: set AUDIT_BENCHMARK=1 to run it.";
    }
}

public sealed record SyntheticNoteRecorded(Guid NoteId, string Subject, string Body, string RecordedBy, DateTimeOffset RecordedAt);

[Trait("Category", "Benchmark")]
public class VerifyBenchmark(ITestOutputHelper output)
{
    private const string Schema = "audit_benchmark";
    private const int Events = 100_000;

    [BenchmarkFact]
    public async Task Verify_over_100k_events()
    {
        await using (var connection = new NpgsqlConnection(ServiceFixture.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"drop schema if exists {Schema} cascade", connection).ExecuteNonQueryAsync();
        }
        var chain = new ChainHash(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var store = DocumentStore.For(options =>
        {
            options.Connection(ServiceFixture.ConnectionString);
            options.DatabaseSchemaName = Schema;
            AuditSetup.ApplyStore(options, chain, AuditSetup.DefaultCheckpointEvery);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var clock = Stopwatch.StartNew();
        var body = new string('x', 400);
        for (var batch = 0; batch < Events / 1000; batch++)
        {
            await using var session = store.LightweightSession();
            for (var stream = 0; stream < 100; stream++)
                session.Events.StartStream(Guid.NewGuid(), Enumerable.Range(0, 10)
                    .Select(i => (object)new SyntheticNoteRecorded(Guid.NewGuid(), $"note {i}", body, "benchmark", DateTimeOffset.UtcNow)).ToArray());
            await session.SaveChangesAsync();
        }
        output.WriteLine($"appended {Events} events in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        while (await ChainedCount() < Events)
            await Task.Delay(200);
        await daemon.StopAllAsync();
        output.WriteLine($"chained {Events} events in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var report = await new PostgresAuditChain(store, chain).VerifyAsync([], CancellationToken.None);
        output.WriteLine($"verified {report.EventsChecked} events and {report.CheckpointsChecked} checkpoints in {clock.Elapsed.TotalSeconds:F2} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");

        Assert.True(report.Ok);
        Assert.Equal(Events, report.EventsChecked);
    }

    private static async Task<long> ChainedCount()
    {
        await using var connection = new NpgsqlConnection(ServiceFixture.ConnectionString);
        await connection.OpenAsync();
        return (long)(await new NpgsqlCommand($"select count(*) from {Schema}.audit_chain", connection).ExecuteScalarAsync())!;
    }
}
