using Npgsql;

namespace SecureMail.Api.Tests.Support;

/// <summary>Direct SQL on the test database: what someone with database access (or a bug) could do behind the service.</summary>
public static class Database
{
    /// <returns>The rows it changed.</returns>
    public static async Task<int> Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(ServiceFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ServiceFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
