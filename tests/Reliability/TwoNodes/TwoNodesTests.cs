using SecureMail.Reliability.Crash;
using SecureMail.Reliability.Harness;
using SecureMail.TestKit.Polling;
using Xunit.Abstractions;

namespace SecureMail.Reliability.TwoNodes;

/// <summary>Promise 7: two service processes on one database take load together; the one running the async daemon is
/// killed midway. The survivor keeps the projections (the audit hash chain) advancing, delivers what the dead node had
/// queued, and nothing is delivered twice but what the kill itself interrupted.</summary>
public class TwoNodesTests(ITestOutputHelper output)
{
    private static readonly int Kills = Scale.Pick(fast: 1, soak: 4);
    private static readonly TimeSpan LoadBetweenKills = Scale.Pick(fast: TimeSpan.FromSeconds(2), soak: TimeSpan.FromSeconds(30));

    [ReliabilityFact]
    public async Task The_survivor_keeps_projections_advancing_and_delivers_everything_once()
    {
        await using var deployment = await Deployment.StartAsync("two_nodes");
        // The second node starts while the first is set up and warmed (one after the other, they would not create the
        // schema at once); the load itself warms the second.
        var starting = deployment.AddNodeAsync();
        var helpdesk = await Helpdesk.ConfigureAsync(deployment.Node);
        await KillNineTests.Warm(deployment.Node, helpdesk);
        await starting;
        var load = new MailLoad(helpdesk, deployment.Nodes);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(agents: 3, mailers: 3, stop.Token);

        var kills = new List<DateTimeOffset>();
        var chainedAfterKill = new List<long>();
        for (var i = 0; i < Kills; i++)
        {
            await Task.Delay(LoadBetweenKills);
            // Both nodes must have taken load before one dies, however slow the machine.
            await Eventually.Until(() => Task.FromResult(deployment.Nodes.Select(n => Acknowledged(load, n)).Min()), least => least >= 5,
                Scale.Wait(TimeSpan.FromSeconds(20)), least => $"a node acknowledged only {least} requests");
            var victim = DaemonHolder(deployment);
            var survivor = deployment.Nodes.Single(n => n != victim);
            victim.Kill();
            kills.Add(DateTimeOffset.UtcNow);
            var sequenceAtKill = await deployment.Store.HighestSequence();
            // The survivor takes the daemon over and chains what was appended before and after the kill.
            chainedAfterKill.Add(await Eventually.Until(() => deployment.Store.ChainHead(), head => head > sequenceAtKill,
                Scale.Wait(TimeSpan.FromSeconds(30)), head => $"the audit chain stays at {head} on {survivor.Name}, events reached {sequenceAtKill}"));
            if (i < Kills - 1)
                await victim.StartAgainAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        stop.Cancel();
        await running;
        var report = await Ledger.SettleAsync(deployment, load, TimeSpan.FromSeconds(30));
        var highest = await deployment.Store.HighestSequence();
        var head = await Eventually.Until(() => deployment.Store.ChainHead(), h => h >= highest, Scale.Wait(TimeSpan.FromSeconds(15)), h => $"chain at {h} of {highest}");

        new Figures(output, "two-nodes").Report(
            $"{Kills} kill -9 of the daemon's node: {load.Tally}; by node: {string.Join("; ", load.ByNode.OrderBy(n => n.Key).Select(n => $"{n.Key} {n.Value}"))}; " +
            $"{report}; audit chain reached {head} of {highest} events");
        Assert.Empty(report.Lost);
        Assert.Equal(0, load.Tally.ServerErrors);
        Assert.All(deployment.Nodes, node => Assert.True(Acknowledged(load, node) >= 5, $"{node.Name} took no load"));
        var unexplained = report.Duplicates.Where(d => !kills.Any(kill => d.Value[0] <= kill && d.Value[1] > kill)).ToList();
        Assert.True(unexplained.Count == 0, $"Sent twice with no crash in between: {string.Join(", ", unexplained.Select(d => d.Key))}");
    }

    private static int Acknowledged(MailLoad load, ServiceNode node) =>
        load.ByNode.TryGetValue(node.Name, out var tally) ? tally.Kinds.Where(k => k.Key.StartsWith('2')).Sum(k => k.Value) : 0;

    /// <summary>The node whose log last says it started the hash chain's agent (HotCold: one node runs the daemon).</summary>
    private static ServiceNode DaemonHolder(Deployment deployment) =>
        deployment.Nodes.Where(n => n.IsRunning)
            .Select(n => (Node: n, At: n.Log().LastIndexOf("Started projection agent AuditHashChain", StringComparison.Ordinal) is var at && at >= 0
                ? TimeOf(n.Log(), at) : ""))
            .OrderByDescending(n => n.At, StringComparer.Ordinal).First().Node;

    private static string TimeOf(string log, int index) => log[(log.LastIndexOf('\n', index) + 1)..][..12];
}
