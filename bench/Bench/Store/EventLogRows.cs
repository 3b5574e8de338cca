using System.Diagnostics;
using System.Security.Cryptography;
using JasperFx.Events;
using Marten;
using SecureMail.Application;
using SecureMail.Application.Audit;
using SecureMail.Application.Tickets.Details;
using SecureMail.Bench.Harness;
using SecureMail.Infrastructure.Audit;
using SecureMail.Infrastructure.Projections;
using SecureMail.TestKit.Polling;
using Microsoft.Extensions.Logging.Abstractions;
using Weasel.Core;

namespace SecureMail.Bench.Store;

/// <summary>Rows 5 and 8 over one seeded log of ticket events: the ticket read model rebuilt by Marten's daemon,
/// and the audit chain verified, each against a raw scan of the same rows.</summary>
public static class EventLogRows
{
    public static async Task<IReadOnlyList<Row>> RunAsync(BenchOptions options, List<string> notes, TextWriter log)
    {
        var connection = options.ConnectionString;
        await Schemas.DropAsync(connection, Schemas.Events);
        var chain = new ChainHash(RandomNumberGenerator.GetBytes(32));
        using var logStore = DocumentStore.For(o =>
        {
            o.Connection(connection);
            o.DatabaseSchemaName = Schemas.Events;
            o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            o.Events.AppendMode = EventAppendMode.Quick;
            AuditSetup.ApplyStore(o, chain, AuditSetup.DefaultCheckpointEvery);
        });
        await logStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var clock = Stopwatch.StartNew();
        var events = options.ProjectionEvents;
        await Seed(logStore, events / TicketHistory.EventsPerTicket);
        log.WriteLine($"seeded {events} ticket events in {clock.Elapsed.TotalSeconds:F1} s");
        await Schemas.SettleAsync(connection, $"{Schemas.Events}.mt_events", $"{Schemas.Events}.mt_streams");

        var scanned = await RawScan.EventsPerSecondAsync(connection, Schemas.Events, repeats: 3);
        var scan = scanned.Median;
        log.WriteLine($"raw scan: {scanned}");
        notes.Add($"The raw scan of rows 5 and 8: {scanned}.");
        var rows = new List<Row>();

        if (options.Runs(5))
        {
            var (online, daemon) = await RebuildAsync(connection, events);
            log.WriteLine($"online rebuild: {online}");
            rows.Add(new Row(5, $"projection rebuild, ticket read model, {events / 1000}k events (the admin's online rebuild, ADR 12)",
                new Measured(online.Median, "events/s"), "raw `SELECT data FROM mt_events` scan of the same rows", new Measured(scan, "events/s"),
                online.Median / scan, "figure / reference", Target.AtLeast(0.25, ">= 0.25"),
                $"each rebuild into an empty table, at the steady rate as the scan: {online}; Marten's own daemon rebuild of the same projection (as `audit replay` uses it): {daemon:F0} events/s."));
        }

        if (options.Runs(8))
        {
            clock.Restart();
            using (var daemon = await logStore.BuildProjectionDaemonAsync())
            {
                await daemon.StartAllAsync();
                await Eventually.Until(async () => await Schemas.CountAsync(connection, $"select count(*) from {Schemas.Events}.audit_chain") >= events,
                    TimeSpan.FromMinutes(10), $"the audit chain to hash all {events} events");
                await daemon.StopAllAsync();
            }
            var chaining = events / clock.Elapsed.TotalSeconds;
            notes.Add($"The hash chain was written by the service's own subscription (async daemon) at {chaining:F0} events/s.");
            await Schemas.SettleAsync(connection, $"{Schemas.Events}.audit_chain", $"{Schemas.Events}.audit_checkpoints");

            var verified = await Timing.SteadyRateAsync(async () =>
            {
                clock.Restart();
                var report = await new PostgresAuditChain(logStore, chain).VerifyAsync([], CancellationToken.None);
                if (!report.Ok || report.EventsChecked != events)
                    throw new InvalidOperationException($"audit verify did not hold: {report.EventsChecked} events, {report.Failure}");
                return report.EventsChecked / clock.Elapsed.TotalSeconds;
            }, repeats: 3);
            log.WriteLine($"audit verify: {verified}");
            notes.Add($"Row 8, the verify: {verified}.");
            var verify = verified.Median;
            rows.Add(new Row(8, $"audit verify of {events / 1000}k events", new Measured(verify, "events/s"),
                "the raw scan of row 5", new Measured(scan, "events/s"), verify / scan, "figure / reference", Target.AtLeast(0.5, ">= 0.5"),
                "the median of 3 verifies at the steady rate, as the scan is the median of 3 scans at its own."));
        }
        // The next run's load rows count the cluster's CPU: autovacuum and the checkpointer catching up on 200k events
        // would count as the service's.
        await Schemas.QuietAsync(connection);
        return rows;
    }

    private static async Task Seed(IDocumentStore store, int tickets)
    {
        const int ticketsPerCommit = 100;
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await Timing.ThroughputAsync((tickets + ticketsPerCommit - 1) / ticketsPerCommit, workers: 2, async batch =>
        {
            await using var session = store.LightweightSession();
            for (var i = 0; i < ticketsPerCommit && batch * ticketsPerCommit + i < tickets; i++)
            {
                var id = Guid.CreateVersion7(at);
                session.Events.StartStream(id, TicketHistory.Events(id, at));
            }
            await session.SaveChangesAsync();
        });
    }

    /// <summary>The service's own store configuration over the seeded log: TicketDetails rebuilt first by the admin's
    /// online rebuild (<see cref="StreamLockedRebuild"/>, into an empty table), then by Marten's daemon.</summary>
    private static async Task<(SteadyRate Online, double Daemon)> RebuildAsync(string connection, int events)
    {
        using var store = DocumentStore.For(o =>
        {
            o.Connection(connection);
            o.DatabaseSchemaName = Schemas.Events;
            StoreConfiguration.Apply(o);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var tickets = events / TicketHistory.EventsPerTicket;
        var name = ((IDocumentStore)store).Options.Events.Projections().Single(p => p is TicketDetailsProjection).Name;

        // At its steady rate, as the raw scan it is divided by: the service that runs an admin's rebuild has long been
        // applying these events inline; a fresh process pays for compiling the rebuild's path (the first run, kept).
        var online = await Timing.SteadyRateAsync(async () =>
        {
            await Schemas.ExecuteAsync(connection, $"truncate {Schemas.Events}.mt_doc_ticketdetails");
            var clock = Stopwatch.StartNew();
            await new StreamLockedRebuild(store, TimeProvider.System, NullLogger<StreamLockedRebuild>.Instance).RunAsync(name, CancellationToken.None);
            var rate = events / clock.Elapsed.TotalSeconds;
            await ExpectTickets(connection, tickets);
            return rate;
        }, repeats: 1, minWarmups: 1, maxWarmups: 3);

        using var daemon = await store.BuildProjectionDaemonAsync();
        var clock = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync<TicketDetailsProjection>(TimeSpan.FromMinutes(5), CancellationToken.None);
        var rebuilt = events / clock.Elapsed.TotalSeconds;
        await ExpectTickets(connection, tickets);
        return (online, rebuilt);
    }

    private static async Task ExpectTickets(string connection, int expected)
    {
        var tickets = await Schemas.CountAsync(connection, $"select count(*) from {Schemas.Events}.mt_doc_ticketdetails");
        if (tickets != expected)
            throw new InvalidOperationException($"The rebuild made {tickets} tickets, not {expected}.");
    }
}
