using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using SecureMail.Reliability.Harness;
using SecureMail.TestKit.Polling;
using Xunit.Abstractions;

namespace SecureMail.Reliability.HostileInput;

/// <summary>Promise 5, mail: mutated signed and encrypted messages posted to /api/v1/inbound. No 500, no crash, memory
/// bounded, and every accepted message stored and processed to a status.</summary>
public class InboundFuzzTests(ITestOutputHelper output)
{
    // The fast run posts for a fixed time (20-40/s here on two shared cores, so some hundreds); the soak posts 10,000.
    private static readonly int Messages = Scale.Pick(fast: int.MaxValue, soak: 10_000);
    private static readonly TimeSpan Budget = Scale.Pick(fast: TimeSpan.FromSeconds(12), soak: TimeSpan.FromHours(1));
    private const int AtLeast = 100;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_FUZZ_SEED"), out var seed) ? seed : 20261128;
    private const int Mailers = 8;
    private const long MemoryBound = 1536L * 1024 * 1024;

    [ReliabilityFact]
    public async Task Mutated_mail_never_gets_a_500_and_each_accepted_message_gets_a_status()
    {
        await using var deployment = await Deployment.StartAsync("fuzz");
        var node = deployment.Node;
        var helpdesk = await Helpdesk.ConfigureAsync(node);
        var customer = await Helpdesk.ConfigureAsync(node);
        await Identities.ImportAsync(helpdesk, node);
        await Identities.ImportAsync(customer, node);
        var seeds = await SeedMail.BuildAsync(node, recipient: helpdesk, sender: customer);
        var mutations = new Mutations(Seed);
        var seedArticles = new List<Guid>();
        using (var mailer = node.Client("mailer"))
            foreach (var mail in seeds)
            {
                var response = await InboundMail.Post(mailer, mail);
                await Helpdesk.Expect(response, HttpStatusCode.Accepted);
                seedArticles.Add((await Helpdesk.Ids(response)).ArticleId);
            }
        var pid = node.ProcessId;

        var tally = new Tally();
        var byKind = new ConcurrentDictionary<string, Tally>();
        var accepted = new ConcurrentBag<Guid>();
        var memory = new ConcurrentBag<long>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                memory.Add(node.ResidentBytes());
                await Task.Delay(250);
            }
        });
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Mailers).Select(_ => Task.Run(async () =>
        {
            using var mailer = node.Client("mailer", TimeSpan.FromSeconds(30));
            while (Interlocked.Increment(ref next) < Messages && clock.Elapsed < Budget)
            {
                (string Kind, byte[] Mail) mutant;
                lock (mutations)
                    mutant = mutations.Next(seeds);
                var (kind, mail) = mutant;
                var (response, outcome) = await tally.Send(() => InboundMail.Post(mailer, mail));
                byKind.GetOrAdd(kind, _ => new Tally()).Add(outcome);
                if (response?.StatusCode == HttpStatusCode.Accepted)
                    accepted.Add((await Helpdesk.Ids(response)).ArticleId);
            }
        })));
        var posted = clock.Elapsed;
        var sent = tally.Total;
        var processed = await Eventually.Until(() => deployment.Store.ArticleIdsOf("article_content_extracted"),
            ids => accepted.Concat(seedArticles).All(ids.Contains), Scale.Wait(TimeSpan.FromSeconds(Scale.Pick(25, 300))),
            ids => $"{accepted.Count(ids.Contains)} of {accepted.Count} accepted messages processed");
        var drained = clock.Elapsed;
        sampling.Cancel();
        await sampler;

        new Figures(output, "fuzz").Report(
            $"{sent} mutants of {seeds.Count} seeds (seed {Seed}) from {Mailers} clients: {tally}; posted in {posted.TotalSeconds:0.0} s " +
            $"({sent / posted.TotalSeconds:0}/s), all processed after {drained.TotalSeconds:0.0} s; statuses: {await Statuses(deployment, accepted)}; " +
            $"resident memory {memory.Min() / 1048576} MB, peak {memory.Max() / 1048576} MB, last {memory.Last() / 1048576} MB; by kind: " +
            string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {string.Join("/", k.Value.Kinds.OrderBy(o => o.Key).Select(o => $"{o.Key} x{o.Value}"))}")));
        // The seeds themselves are valid: three are encrypted and four signed, and all of those decrypt and verify.
        Assert.Equal(3, (await deployment.Store.ArticleIdsOf("article_decrypted")).Count(seedArticles.Contains));
        Assert.Equal(4, (await deployment.Store.ArticleIdsOf("signature_verified")).Count(seedArticles.Contains));
        Assert.Equal(0, tally.ServerErrors);
        Assert.Equal(sent, tally.Kinds.Where(k => k.Key.StartsWith('2') || k.Key.StartsWith('4')).Sum(k => k.Value));
        Assert.True(sent >= Math.Min(AtLeast, Messages), $"Only {sent} messages were posted: too few to prove anything.");
        Assert.True(node.IsRunning && node.ProcessId == pid, "The service process died under hostile mail.");
        Assert.True(memory.Max() < MemoryBound, $"Resident memory peaked at {memory.Max() / 1048576} MB");
        Assert.True(accepted.Count > sent * 0.9, $"Only {accepted.Count} of {sent} were accepted: {tally}");
    }

    /// <summary>What the accepted messages came to: how many of each security outcome event.</summary>
    private static async Task<string> Statuses(Deployment deployment, IEnumerable<Guid> accepted)
    {
        string[] types = ["article_decrypted", "decryption_failed", "signature_verified", "signature_verification_failed", "article_security_checked"];
        var ids = accepted.ToHashSet();
        var counts = new List<string>();
        foreach (var type in types)
            counts.Add($"{type} {(await deployment.Store.ArticleIdsOf(type)).Count(ids.Contains)}");
        return string.Join(", ", counts);
    }
}
