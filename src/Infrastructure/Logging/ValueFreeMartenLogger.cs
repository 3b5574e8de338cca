using System.Text.RegularExpressions;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SecureMail.Infrastructure.Logging;

/// <summary>Marten's command log without the parameter values. Marten's own logger writes every parameter at Debug and
/// at Error on a failed command, and those values are event and document bodies: decrypted mail, addresses, sealed
/// vault secrets. The SQL text and the parameter count are enough to diagnose a query.</summary>
public sealed partial class ValueFreeMartenLogger(ILogger<ValueFreeMartenLogger> logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    // A first start creates the whole schema: hundreds of lines of DDL that tell an operator nothing at Information.
    public void SchemaChange(string sql)
    {
        logger.LogInformation("Applied a database schema migration: {Statements} DDL statements (the SQL at Debug)", DdlStatement().Count(sql));
        logger.LogDebug("Executed schema update SQL:\n{Sql}", sql);
    }

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Marten executed ({Parameters} parameters): {Sql}", command.Parameters.Count, command.CommandText);
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Marten executed a batch of {Count} commands: {Sql}", batch.BatchCommands.Count, Text(batch));
    }

    // A failed command is often routine (a concurrency conflict that the handler's policy retries); the handler logs
    // what finally came of it.
    public void LogFailure(NpgsqlCommand command, Exception ex) =>
        logger.LogWarning("Marten command failed ({Type}: {Message}): {Sql}", ex.GetType().Name, ex.Message, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        logger.LogWarning("Marten batch failed ({Type}: {Message}): {Sql}", ex.GetType().Name, ex.Message, Text(batch));

    public void LogFailure(Exception ex, string message) =>
        logger.LogWarning("Marten: {Message} ({Type}: {Error})", message, ex.GetType().Name, ex.Message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Persisted {Updated} updates, {Inserted} inserts and {Deleted} deletions",
                commit.Updated.Count(), commit.Inserted.Count(), commit.Deleted.Count());
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    [GeneratedRegex(@"^\s*(CREATE|ALTER|DROP|COMMENT|GRANT|DO)\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex DdlStatement();

    private static string Text(NpgsqlBatch batch) => string.Join(";\n", batch.BatchCommands.Select((NpgsqlBatchCommand c) => c.CommandText));
}
