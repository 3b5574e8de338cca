using Npgsql;

namespace SecureMail.Bench.Store;

public static class Schemas
{
    public const string Events = "bench_events";
    public const string Append = "bench_append";

    public static Task DropAsync(string connectionString, string schema) => ExecuteAsync(connectionString, $"drop schema if exists {schema} cascade");

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every table vacuumed and analyzed, and a checkpoint: nothing left for the cluster's background workers.</summary>
    public static async Task QuietAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "vacuum analyze", "checkpoint" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>VACUUM ANALYZE of freshly written tables, so that a figure read right after a bulk write measures the
    /// read, not autovacuum's first pass running beside it or the hint bits its first reader would set.</summary>
    public static async Task SettleAsync(string connectionString, params string[] tables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"vacuum analyze {table}", connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
