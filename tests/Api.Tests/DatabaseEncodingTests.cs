using Microsoft.AspNetCore.Hosting;
using Npgsql;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests;

/// <summary>A service pointed at a LATIN1 database on the test cluster refuses to start, saying what to change,
/// before it writes anything there.</summary>
public sealed class DatabaseEncodingTests : IAsyncLifetime
{
    private const string Schema = "database_encoding_tests";
    private readonly string database = $"latin1_{Guid.NewGuid():N}";

    public Task InitializeAsync() =>
        Database.Execute($"create database {database} encoding 'LATIN1' lc_collate 'C' lc_ctype 'C' template template0");

    public async Task DisposeAsync() => await Database.Execute($"drop database if exists {database} with (force)");

    [Fact]
    public async Task The_service_refuses_to_start_on_a_database_that_is_not_utf8()
    {
        var latin1 = new NpgsqlConnectionStringBuilder(ServiceFixture.ConnectionString) { Database = database }.ConnectionString;
        var service = new ServiceFixture(Schema, web => web.UseSetting("ConnectionStrings:Marten", latin1));

        var failure = await Record.ExceptionAsync(service.InitializeAsync);
        await service.DisposeAsync();

        Assert.NotNull(failure);
        var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains($"The database {database} has encoding LATIN1; secure-mail needs UTF8: create it with ENCODING 'UTF8'", messages);
        Assert.Equal(0L, await SchemaCount(latin1));
    }

    private static IEnumerable<Exception> Chain(Exception exception) =>
        exception is AggregateException aggregate
            ? aggregate.InnerExceptions.SelectMany(Chain).Prepend(exception)
            : exception.InnerException is { } inner ? Chain(inner).Prepend(exception) : [exception];

    private static async Task<long> SchemaCount(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from information_schema.schemata where schema_name = '{Schema}'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
