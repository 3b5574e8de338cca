using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using SecureMail.Reliability.Harness;
using SecureMail.TestKit.Polling;
using Xunit.Abstractions;

namespace SecureMail.Reliability.Concurrency;

/// <summary>Promise 1: agents replying to one ticket at once, each with the version it saw. Optimistic concurrency
/// must neither lose a reply nor let a stale one through, and the read model must agree with the stream.</summary>
public class RacingRepliesTests(ITestOutputHelper output)
{
    private const int Agents = 8;
    private static readonly int AttemptsPerAgent = Scale.Pick(fast: 30, soak: 500);

    private sealed record Attempt(long ExpectedVersion, HttpStatusCode? Status, Guid? ArticleId, bool Stale);

    [ReliabilityFact]
    public async Task Every_201_is_one_article_every_stale_reply_a_409_and_the_read_model_agrees_with_the_stream()
    {
        await using var deployment = await Deployment.StartAsync("concurrency");
        var helpdesk = await Helpdesk.ConfigureAsync(deployment.Node);
        var customer = helpdesk.Mailbox("alice");
        using var opener = deployment.Node.Client("agent");
        var opened = await helpdesk.Open(opener, customer);
        await Helpdesk.Expect(opened, HttpStatusCode.Created);
        var (ticketId, _) = await Helpdesk.Ids(opened);
        var tally = new Tally();
        var attempts = new ConcurrentBag<Attempt>();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Agents).Select(agent => Task.Run(async () =>
        {
            using var client = deployment.Node.Client("agent");
            for (var i = 0; i < AttemptsPerAgent; i++)
            {
                var seen = (long)(await Helpdesk.Ticket(client, ticketId))["version"]!;
                var (response, _) = await tally.Send(() => Helpdesk.Reply(client, ticketId, customer, $"agent {agent}, attempt {i}", seen));
                var created = response?.StatusCode == HttpStatusCode.Created;
                attempts.Add(new Attempt(seen, response?.StatusCode, created ? (await Helpdesk.Ids(response!)).ArticleId : null,
                    !created && response is not null && (await response.Content.ReadAsStringAsync()).Contains("has an article newer than version")));
            }
        })));
        var elapsed = clock.Elapsed;

        var successes = attempts.Where(a => a.Status == HttpStatusCode.Created).ToList();
        var conflicts = attempts.Where(a => a.Status == HttpStatusCode.Conflict).ToList();
        Assert.True(successes.Count + conflicts.Count == Agents * AttemptsPerAgent, $"Only 201 and 409 may answer: {tally}");
        Assert.True(successes.Count >= AttemptsPerAgent, $"Too few replies got through to prove anything: {tally}");

        // Deliveries append to the same stream; once every article's delivery is recorded the stream is still.
        var stream = await Eventually.Until(() => deployment.Store.Stream(ticketId),
            events => events.Count(e => e.Type == "article_delivered") == successes.Count + 1, Scale.Wait(TimeSpan.FromSeconds(30)),
            events => $"{events.Count(e => e.Type == "article_delivered")} of {successes.Count + 1} deliveries recorded");
        var composed = stream.Where(e => e.Type == "article_composed").ToList();

        Assert.Equal(successes.Count + 1, composed.Count);
        Assert.Equal(successes.Select(s => s.ArticleId!.Value).Order(), composed.Skip(1).Select(e => e.ArticleId!.Value).Order());
        var expectedBy = successes.ToDictionary(s => s.ArticleId!.Value, s => s.ExpectedVersion);
        for (var k = 1; k < composed.Count; k++)
            Assert.True(composed[k - 1].Version <= expectedBy[composed[k].ArticleId!.Value],
                $"Reply {composed[k].ArticleId} expected version {expectedBy[composed[k].ArticleId!.Value]} but article {composed[k - 1].ArticleId} was added at {composed[k - 1].Version}: a stale reply got through.");
        Assert.All(conflicts.Where(c => c.Stale), c => Assert.Contains(composed, e => e.Version > c.ExpectedVersion));

        var ticket = await Helpdesk.Ticket(opener, ticketId);
        Assert.Equal(stream[^1].Version, (long)ticket["version"]!);
        Assert.Equal(stream.Count, (long)ticket["version"]!);
        Assert.Equal(composed.Select(e => e.ArticleId!.Value.ToString()), ticket["articles"]!.AsArray().Select(a => (string)a!["id"]!));
        Assert.All(ticket["articles"]!.AsArray(), a => Assert.Equal("delivered", (string)a!["delivery"]!["status"]!));
        var mail = Mailbox.Read(deployment.Smtp);
        Assert.Equal(composed.Select(e => e.MessageId!).Order(), mail.Select(m => m.MessageId).Distinct().Order());
        var duplicates = Mailbox.Duplicates(mail);
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} articles were sent more than once ({duplicates.Values.Sum()} copies): {string.Join(", ", duplicates.Keys.Take(5))}");

        new Figures(output, "concurrency").Report(
            $"{tally} ({conflicts.Count(c => c.Stale)} stale, {conflicts.Count(c => !c.Stale)} lost the race too often) in {elapsed.TotalSeconds:0.0} s; articles {composed.Count} (1 + {successes.Count} replies), stream version {stream[^1].Version}, lost 0");
    }
}
