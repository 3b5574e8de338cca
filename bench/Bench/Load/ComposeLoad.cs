using SecureMail.Bench.Crypto;
using SecureMail.Bench.Harness;

namespace SecureMail.Bench.Load;

/// <summary>Agents opening tickets over HTTP, N at once: articles per second answered 201 (composed, recorded and
/// queued in the outbox). The deliveries they queue are waited for before the next row, and their drain time noted.</summary>
public sealed class ComposeLoad(ServiceClient service, EventCounts events, int? servicePid)
{
    /// <summary>The first compose the service ever answered and the one after it: the first pays Wolverine's runtime
    /// code generation for the endpoint and its handler.</summary>
    public (TimeSpan First, TimeSpan Second)? Cold { get; private set; }

    public async Task<(double Rate, TimeSpan Drain, CpuReading Cpu)> RunAsync(object? security, int articles)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Compose(security);
        var first = clock.Elapsed;
        clock.Restart();
        await Compose(security);
        Cold ??= (first, clock.Elapsed);
        // A tenth of the load, as many clients at once, and its deliveries: the pool's connections are open and have seen
        // (and prepared) the statements before the measured load starts, as in a service that has been running.
        await Timing.ThroughputAsync(BenchOptions.WarmupFor(articles), BenchOptions.Clients, _ => Compose(security));
        await Delivered();
        var before = CpuMeter.Read(servicePid);
        var rate = await Timing.ThroughputAsync(articles, BenchOptions.Clients, _ => Compose(security));
        var drain = await Delivered();
        return (rate, drain, CpuMeter.Read(servicePid) - before);
    }

    private Task<TimeSpan> Delivered() => events.WaitUntilAsync(async () =>
        await events.OfAsync("article_delivered", "article_delivery_failed") >= await events.OfAsync("article_composed"), TimeSpan.FromMinutes(3),
        "every composed article's delivery outcome");

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
