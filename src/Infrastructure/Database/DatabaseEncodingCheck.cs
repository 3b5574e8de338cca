using Marten;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace SecureMail.Infrastructure.Database;

/// <summary>Refuses to start on a database whose encoding is not UTF8. PostgreSQL keeps text in the database's encoding,
/// and mail carries characters of every script: in a LATIN1 or SQL_ASCII database, storing a non-ASCII mail fails or
/// garbles it, so the service would answer 500 to mail it had already promised to keep.
/// Runs before any other hosted service starts (before Marten creates its schema there).</summary>
public sealed class DatabaseEncodingCheck(IDocumentStore store) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select current_database(), current_setting('server_encoding')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (database, encoding) = (reader.GetString(0), reader.GetString(1));
        if (encoding != "UTF8")
            throw new InvalidOperationException(
                $"The database {database} has encoding {encoding}; secure-mail needs UTF8: create it with ENCODING 'UTF8' " +
                "(CREATE DATABASE name ENCODING 'UTF8' TEMPLATE template0, with a UTF-8 or C locale) and point ConnectionStrings__Marten at it.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
