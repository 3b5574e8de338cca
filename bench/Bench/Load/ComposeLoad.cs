using SecureMail.Bench.Crypto;
using SecureMail.Bench.Harness;

namespace SecureMail.Bench.Load;

/// <summary>Agents opening tickets over HTTP, N at once: articles per second answered 201 (composed, recorded and
/// queued in the outbox). The deliveries they queue are waited for before the next row, and their drain time noted.</summary>
public sealed class ComposeLoad(ServiceClient service, EventCounts events)
{
    public async Task<(double Rate, TimeSpan Drain)> RunAsync(object? security, int articles)
    {
        for (var i = 0; i < 4; i++)
            await Compose(security);
        var rate = await Timing.ThroughputAsync(articles, BenchOptions.Clients, _ => Compose(security));
        var drain = await events.WaitUntilAsync(async () =>
            await events.OfAsync("article_delivered", "article_delivery_failed") >= await events.OfAsync("article_composed"), TimeSpan.FromMinutes(3));
        return (rate, drain);
    }

    private Task Compose(object? security) => ServiceClient.Expect(service.SendJsonAsync(HttpMethod.Post, "/api/v1/tickets", "agent", new
    {
        group = "Support",
        customer = SmimeIdentities.Customer,
        to = new[] { SmimeIdentities.Customer },
        subject = "Benchmark",
        body = Messages.Body,
        security,
    }), 201);
}
