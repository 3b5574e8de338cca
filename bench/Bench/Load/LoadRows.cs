using JasperFx.Events;
using Marten;
using SecureMail.Application;
using SecureMail.Bench.Crypto;
using SecureMail.Bench.Harness;
using SecureMail.Bench.Store;
using SecureMail.Infrastructure.Outgoing;

namespace SecureMail.Bench.Load;

/// <summary>The rows measured against the running service over HTTP (1, 2, 6, 7, 9), each beside its reference.</summary>
public static class LoadRows
{
    /// <param name="warmUp">How long the service's warm-up (ADR 19) took after /health first answered, waited for before
    /// run 1; null when it is off.</param>
    public static async Task<IReadOnlyList<Row>> RunAsync(BenchOptions options, CryptoResults crypto, TimeSpan? warmUp, List<string> notes, TextWriter log)
    {
        var schema = Environment.GetEnvironmentVariable("Marten__Schema") ?? "securemail";
        using var service = new ServiceClient(options.Api, options.SigningKey);
        var identities = new SmimeIdentities();
        await ServiceSetup.PrepareAsync(service, identities);
        var events = new EventCounts(options.ConnectionString, schema);
        var compose = new ComposeLoad(service, events, options.ApiProcessId);
        var rows = new List<Row>();

        if (options.Runs(1) && crypto.ComposeFloor is { } composeFloor)
        {
            var (rate, drain, cpu) = await compose.RunAsync(new { type = "SMIME", sign = true, encrypt = true }, options.ComposeArticles);
            log.WriteLine($"row 1: {rate:F1} articles/s; deliveries drained {drain.TotalSeconds:F1} s later; {cpu.PerItem(options.ComposeArticles, "article")}");
            rows.Add(new Row(1, $"compose over HTTP, S/MIME sign+encrypt, {BenchOptions.Clients} clients", new Measured(rate, "articles/s"),
                "the same sign+encrypt in-process, no HTTP/DB, 8 workers (crypto floor)", new Measured(composeFloor, "articles/s"),
                rate / composeFloor, "figure / reference", Target.AtLeast(0.35, ">= 0.35"),
                $"articles answered 201; the outbox's deliveries finished {drain.TotalSeconds:F1} s after the last answer; " +
                $"{cpu.PerItem(options.ComposeArticles, "article")}, the floor's {crypto.ComposeFloorCpu?.PerItem(options.FloorMessages, "message")}."));
        }

        if (options.Runs(2) && crypto.InboundFloor is { } inboundFloor)
        {
            var composer = new MimeKitOutgoingMailComposer();
            var mail = Enumerable.Range(0, 20)
                .Select(i => composer.Compose(Messages.From(SmimeIdentities.Customer, SmimeIdentities.Group, i), identities.CustomerSignsAndEncryptsToGroup()).Raw)
                .ToList();
            var (rate, cpu) = await new InboundLoad(service, events, options.ApiProcessId).RunAsync(mail, options.InboundArticles);
            log.WriteLine($"row 2: {rate:F1} articles/s; {cpu.PerItem(options.InboundArticles, "article")}");
            rows.Add(new Row(2, $"inbound over HTTP, S/MIME decrypt+verify, {BenchOptions.Clients} clients", new Measured(rate, "articles/s"),
                "in-process decrypt+verify, no HTTP/DB, 8 workers (crypto floor)", new Measured(inboundFloor, "articles/s"),
                rate / inboundFloor, "figure / reference", Target.AtLeast(0.7, ">= 0.70"),
                "an article counts once stored, decrypted, verified and its content extracted (not at the 202); " +
                $"{cpu.PerItem(options.InboundArticles, "article")}, the floor's {crypto.InboundFloorCpu?.PerItem(options.FloorMessages, "message")}."));
        }

        if (options.Runs(9))
        {
            var (rate, drain, cpu) = await compose.RunAsync(null, options.PlainArticles);
            // The reference appends as the service does; the other mode is noted beside it.
            var mode = ServiceAppendMode();
            var other = mode == EventAppendMode.Rich ? EventAppendMode.QuickWithServerTimestamps : EventAppendMode.Rich;
            var (raw, rawCpu) = await RawAppend.ArticlesPerSecondAsync(options.ConnectionString, mode, options.PlainArticles);
            var (otherRate, _) = await RawAppend.ArticlesPerSecondAsync(options.ConnectionString, other, options.PlainArticles);
            log.WriteLine($"row 9: {rate:F1} articles/s; raw append {mode} {raw:F1}, {other} {otherRate:F1}; {cpu.PerItem(options.PlainArticles, "article")}; " +
                $"raw append {rawCpu.PerItem(options.PlainArticles, "article")}");
            rows.Add(new Row(9, $"event append through a compose without crypto, {BenchOptions.Clients} clients", new Measured(rate, "articles/s"),
                $"Marten raw append of the same events (TicketOpened, ArticleComposed), {mode} mode as the service, 8 writers",
                new Measured(raw, "articles/s"), rate / raw, "figure / reference", Target.AtLeast(0.3, ">= 0.30"),
                $"the same raw append in {other} mode: {otherRate:F1} articles/s; " +
                $"deliveries finished {drain.TotalSeconds:F1} s after the last answer; {cpu.PerItem(options.PlainArticles, "article")}, " +
                $"the raw append's {rawCpu.PerItem(options.PlainArticles, "article")}."));
        }

        if (compose.Cold is var (first, second))
            notes.Add($"First request: the service's first compose (of the first load row run) took {first.TotalMilliseconds:F0} ms, " +
                $"the next {second.TotalMilliseconds:F0} ms (each load row is measured after a warm-up of a tenth of its load, as many clients at once, whose deliveries or processing finished first); " +
                (warmUp is { } waited
                    ? $"the service's own warm-up of Wolverine's code (ADR 19) finished {waited.TotalMilliseconds:F0} ms after /health first answered " +
                      "and was waited for before run 1 began, so what the first compose pays beyond the next is .NET compiling the request's path (JIT)."
                    : "the service's warm-up (ADR 19) was off, so the first compose also paid Wolverine's code generation."));

        if (options.Runs(6))
            rows.Add(await SecurityOptionsAsync(service, options, schema, identities, log));

        if (options.Runs(7))
        {
            if (options.ApiProcessId is not { } pid)
                throw new InvalidOperationException("Row 7 needs BENCH_API_PID (the service's process id).");
            var (growth, size) = await new LargeIngest(service, events, pid).RunAsync(options.LargeMessageBytes);
            log.WriteLine($"row 7: peak working set grew {growth / 1048576.0:F1} MB for a {size / 1048576.0:F1} MB message");
            rows.Add(new Row(7, $"ingest of a {size / 1048576.0:F0} MB message: peak working set growth of the service", new Measured(growth / 1048576.0, "MB"),
                "message size", new Measured(size / 1048576.0, "MB"), (double)growth / size, "figure / reference", Target.AtMost(4, "<= 4x"),
                "VmHWM after the message was stored and processed, minus VmRSS before (peak reset with /proc/PID/clear_refs)."));
        }
        return rows;
    }

    private static async Task<Row> SecurityOptionsAsync(ServiceClient service, BenchOptions options, string schema, SmimeIdentities identities, TextWriter log)
    {
        using var seeding = new KeystoreSeeding(options.ConnectionString, schema, identities.Alice.Der);
        var held = (int)await Schemas.CountAsync(options.ConnectionString, $"select count(*) from {schema}.mt_doc_keystoreentry");
        await seeding.GrowToAsync(options.SmallKeystoreEntries, held);
        var small = await OptionsLatencyAsync(service, options.LatencySamples);
        await seeding.GrowToAsync(options.KeystoreEntries, held);
        var large = await OptionsLatencyAsync(service, options.LatencySamples);
        log.WriteLine($"row 6: {large:F2} ms with {options.KeystoreEntries} entries, {small:F2} ms with {options.SmallKeystoreEntries}");
        return new Row(6, $"security options latency, {options.KeystoreEntries / 1000}k keystore entries", new Measured(large, "ms"),
            $"the same with {options.SmallKeystoreEntries} entries", new Measured(small, "ms"), large / small, "figure / reference",
            Target.AtMost(1.5, "<= 1.5"), "one client, sequential requests; entries are S/MIME certificates, each for its own address.");
    }

    private static Task<double> OptionsLatencyAsync(ServiceClient service, int samples) =>
        Timing.MedianMillisecondsAsync(samples, _ => ServiceClient.Expect(service.SendJsonAsync(HttpMethod.Post, "/api/v1/security-options", "agent",
            new { group = "Support", to = new[] { SmimeIdentities.Customer } }), 200), warmup: 5);

    private static EventAppendMode ServiceAppendMode()
    {
        var store = new StoreOptions();
        StoreConfiguration.Apply(store);
        return store.Events.AppendMode;
    }
}
