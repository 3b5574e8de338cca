using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Npgsql;
using SecureMail.Application;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>A second store over the same event tables whose documents live in "{schema}_replay": the projections are
/// rebuilt there by Marten's own daemon, then PostgreSQL compares the JSON of both schemas (jsonb equality, so key
/// order and spacing do not count).</summary>
public sealed class ScratchSchemaReplay(IDocumentStore live, IConfiguration configuration) : IReadModelReplay
{
    private const int MaxDifferences = 100;

    public async Task<ReplayReport> RunAsync(CancellationToken cancellation)
    {
        var connectionString = configuration.GetConnectionString("Marten") ?? throw new InvalidOperationException("ConnectionStrings:Marten is not set.");
        var liveSchema = live.Options.DatabaseSchemaName;
        var scratchSchema = $"{liveSchema}_replay";
        await Execute(connectionString, $"drop schema if exists {scratchSchema} cascade", cancellation);

        using var scratch = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = scratchSchema;
            options.Events.DatabaseSchemaName = liveSchema;
            StoreConfiguration.Apply(options);
        });
        await scratch.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using (var daemon = await scratch.BuildProjectionDaemonAsync())
            foreach (var projection in ((IDocumentStore)scratch).Options.Events.Projections().Where(p => p.Lifecycle != ProjectionLifecycle.Live))
                await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromMinutes(30), cancellation);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        var tables = await Tables(connection, scratchSchema, cancellation);
        var differences = new List<ReplayDifference>();
        long compared = 0;
        foreach (var table in tables)
        {
            compared += await Scalar(connection, $"select count(*) from {liveSchema}.{table}", cancellation);
            differences.AddRange(await Differences(connection, liveSchema, scratchSchema, table, cancellation));
        }
        // Kept when something differs, so that an auditor can look at both versions side by side.
        if (differences.Count == 0)
            await Execute(connectionString, $"drop schema if exists {scratchSchema} cascade", cancellation);
        return new ReplayReport(tables.Count, compared, differences.Take(MaxDifferences).ToList());
    }

    private static async Task<IReadOnlyList<string>> Tables(NpgsqlConnection connection, string schema, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and table_name like 'mt_doc_%' order by table_name", connection);
        command.Parameters.AddWithValue("schema", schema);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            tables.Add(reader.GetString(0));
        return tables;
    }

    private static async Task<IReadOnlyList<ReplayDifference>> Differences(NpgsqlConnection connection, string live, string scratch, string table, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select coalesce(l.id::text, s.id::text),
                   case when l.id is null then 'missing' when s.id is null then 'extra' else 'different' end
            from {live}.{table} l full outer join {scratch}.{table} s on l.id = s.id
            where l.data is distinct from s.data
            limit {MaxDifferences}
            """, connection);
        var found = new List<ReplayDifference>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            found.Add(new ReplayDifference(table["mt_doc_".Length..], reader.GetString(0), reader.GetString(1)));
        return found;
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }

    private static async Task Execute(string connectionString, string sql, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
