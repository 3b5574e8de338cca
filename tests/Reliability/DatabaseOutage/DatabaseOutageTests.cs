using SecureMail.Reliability.Crash;
using SecureMail.Reliability.Harness;
using SecureMail.TestKit.Polling;
using Xunit.Abstractions;

namespace SecureMail.Reliability.DatabaseOutage;

/// <summary>Promise 3: PostgreSQL stopped under load (a cluster of the test's own). Requests fail fast with 503, never
/// a 500 or a hang; the service recovers by itself when the database is back; nothing acknowledged is lost.</summary>
public class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(Scale.Pick(fast: 10, soak: 60));
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(2);

    [ReliabilityFact]
    public async Task Requests_fail_fast_with_503_and_the_service_recovers_by_itself()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var deployment = await Deployment.StartAsync("db_outage", connectionString: postgres.ConnectionString);
        var helpdesk = await Helpdesk.ConfigureAsync(deployment.Node);
        await KillNineTests.Warm(deployment.Node, helpdesk);
        var load = new MailLoad(helpdesk, deployment.Nodes);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(agents: 3, mailers: 3, stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var downAt = DateTimeOffset.UtcNow;
        postgres.Stop();
        // The outage is from pg_ctl's return (on a loaded machine the stop itself takes over a second) to the restart's
        // start: requests answered while pg_ctl start waits for the server are not during the outage.
        var down = load.Now;
        await Task.Delay(Outage);
        var restarting = load.Now;
        await postgres.StartAgainAsync();
        var up = load.Now;
        var upAt = DateTimeOffset.UtcNow;
        var recovered = await Eventually.Until(() => Task.FromResult(load.Requests.Where(r => r.StartedAt > up && r.Outcome.StartsWith('2')).Select(r => r.StartedAt + r.Took).DefaultIfEmpty().Min()),
            done => done > TimeSpan.Zero, Scale.Wait(TimeSpan.FromSeconds(20)), _ => "no request succeeded after the database came back") - up;
        await Task.Delay(TimeSpan.FromSeconds(2));
        stop.Cancel();
        await running;
        var report = await Ledger.SettleAsync(deployment, load, TimeSpan.FromSeconds(20));

        var duringOutage = load.Requests.Where(r => r.StartedAt > down && r.StartedAt + r.Took < restarting).ToList();
        var slowest = load.Requests.Max(r => r.Took);
        new Figures(output, "db-outage").Report(
            $"{Outage.TotalSeconds:0} s outage: {load.Tally}; during it {duringOutage.Count} requests, " +
            $"{string.Join(", ", duringOutage.GroupBy(r => r.Outcome).Select(g => $"{g.Key} x{g.Count()}"))}, slowest answer {duringOutage.Select(r => r.Took).DefaultIfEmpty().Max().TotalMilliseconds:0} ms; " +
            $"recovered {recovered.TotalSeconds:0.0} s after the restart; {report}");
        Assert.True(duringOutage.Count > 10, "The outage must be met by requests.");
        Assert.All(duringOutage, r => Assert.Equal("503", r.Outcome));
        Assert.All(duringOutage, r => Assert.True(r.Took < FailFast, $"A {r.Kind} took {r.Took} during the outage"));
        Assert.Equal(0, load.Tally.ServerErrors - load.Tally["503"]);
        Assert.True(slowest < TimeSpan.FromSeconds(10), $"A request hung for {slowest}");
        Assert.Empty(report.Lost);
        // An outage is not the message's fault: a run it breaks off does not use up one of the article's attempts.
        Assert.Empty(report.Abandoned);
        // At least once (ADR 9): a send the relay accepted while the commit that records it met the outage is sent again.
        var unexplained = report.Duplicates.Where(d => d.Value[0] < downAt - TimeSpan.FromSeconds(2) || d.Value[0] > upAt).ToList();
        Assert.True(unexplained.Count == 0, $"Sent twice outside the outage: {string.Join(", ", unexplained.Select(d => d.Key))}");
    }
}
