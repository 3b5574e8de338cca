using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace SecureMail.Reliability.Harness;

/// <summary>One request of the load: when it started, how long it took, and how it ended.</summary>
public sealed record Sent(string Kind, TimeSpan StartedAt, TimeSpan Took, string Outcome);

/// <summary>Agents opening tickets and mailers posting incoming mail, spread over the nodes that are up, until stopped.
/// Every answer is counted; the article ids of every 2xx are kept to check against the store afterwards.</summary>
public sealed class MailLoad(Helpdesk helpdesk, IReadOnlyList<ServiceNode> nodes)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _next;

    public Tally Tally { get; } = new();
    /// <summary>The answers each node gave, by node name.</summary>
    public ConcurrentDictionary<string, Tally> ByNode { get; } = new();
    public ConcurrentBag<Guid> ComposedArticles { get; } = [];
    public ConcurrentBag<Guid> ReceivedArticles { get; } = [];
    public ConcurrentBag<Sent> Requests { get; } = [];
    public TimeSpan Now => _clock.Elapsed;

    public Task RunAsync(int agents, int mailers, CancellationToken stop) =>
        Task.WhenAll(
            Enumerable.Range(0, agents).Select(i => Worker("compose", role: "agent", stop, client =>
                helpdesk.Open(client, helpdesk.Mailbox($"customer{i}"), $"Answer {Guid.NewGuid()}\n"), ComposedArticles, HttpStatusCode.Created))
            .Concat(Enumerable.Range(0, mailers).Select(i => Worker("inbound", role: "mailer", stop, client =>
                InboundMail.Post(client, InboundMail.Plain(helpdesk.Mailbox($"writer{i}"), helpdesk.Address, "A question", $"Question {Guid.NewGuid()}")),
                ReceivedArticles, HttpStatusCode.Accepted))));

    private async Task Worker(string kind, string role, CancellationToken stop, Func<HttpClient, Task<HttpResponseMessage>> request,
        ConcurrentBag<Guid> acknowledged, HttpStatusCode success)
    {
        var clients = nodes.Select(node => node.Client(role, TimeSpan.FromSeconds(20))).ToList();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref _next) % nodes.Count;
                var started = Now;
                var (response, outcome) = await Tally.Send(() => request(clients[index]));
                ByNode.GetOrAdd(nodes[index].Name, _ => new Tally()).Add(outcome);
                Requests.Add(new Sent(kind, started, Now - started, outcome));
                if (response?.StatusCode == success)
                    acknowledged.Add((await Helpdesk.Ids(response)).ArticleId);
                else if (response is null || (int)response.StatusCode >= 500)
                    await Task.Delay(50, CancellationToken.None); // a node that is down or busy: do not spin
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
