using JasperFx.Events;
using Marten;
using SecureMail.Bench.Harness;
using SecureMail.Domain.Tickets;
using Weasel.Core;

namespace SecureMail.Bench.Store;

/// <summary>Row 9's reference: the events a plain compose records (TicketOpened, ArticleComposed), appended with
/// Marten alone, N writers, one commit per article; no HTTP, no projection, no outbox.</summary>
public static class RawAppend
{
    public static async Task<(double Rate, CpuReading Cpu)> ArticlesPerSecondAsync(string connection, EventAppendMode mode, int articles)
    {
        await Schemas.DropAsync(connection, Schemas.Append);
        using var store = DocumentStore.For(o =>
        {
            o.Connection(connection);
            o.DatabaseSchemaName = Schemas.Append;
            o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            o.Events.AppendMode = mode;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var at = DateTimeOffset.UtcNow;
        await Append(store, 20, at);
        var before = CpuMeter.Read(null);
        var rate = await Timing.ThroughputAsync(articles, BenchOptions.Clients, _ => Append(store, 1, at));
        var cpu = CpuMeter.Read(null) - before;
        await Schemas.DropAsync(connection, Schemas.Append);
        return (rate, cpu);
    }

    private static async Task Append(IDocumentStore store, int count, DateTimeOffset at)
    {
        for (var i = 0; i < count; i++)
        {
            await using var session = store.LightweightSession();
            var ticket = Guid.CreateVersion7();
            var article = Guid.CreateVersion7();
            session.Events.StartStream(ticket,
                new TicketOpened(ticket, "Support", "alice@example.com", "Benchmark", "agent", at),
                new ArticleComposed(ticket, article, $"{article:N}@example.com", "support@example.com", ["alice@example.com"], [], "Benchmark",
                    Crypto.Messages.Body, null, [], RequestedSecurity.None, null, "agent", at));
            await session.SaveChangesAsync();
        }
    }
}
