using System.Diagnostics;
using Npgsql;
using SecureMail.Bench.Harness;

namespace SecureMail.Bench.Store;

/// <summary>The reference for reading the log: <c>SELECT data FROM mt_events</c>, every row read as text, nothing done
/// with it; at the steady rate, as the figures compared with it.</summary>
public static class RawScan
{
    public static Task<SteadyRate> EventsPerSecondAsync(string connectionString, string schema, int repeats) =>
        Timing.SteadyRateAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"select data from {schema}.mt_events", connection);
            var clock = Stopwatch.StartNew();
            long rows = 0, characters = 0;
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                {
                    characters += reader.GetString(0).Length;
                    rows++;
                }
            return rows / clock.Elapsed.TotalSeconds;
        }, repeats);
}
