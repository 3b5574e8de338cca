using System.Data;
using Marten;
using Npgsql;
using SecureMail.Application.Messages;
using Weasel.Postgresql.Tables;

namespace SecureMail.Infrastructure.Messages;

/// <summary>A bytea table beside Marten's: a message is stored once as bytes, not base64 inside JSON.</summary>
public sealed class PostgresRawMessageStore(IDocumentStore store, RawMessageHandOver handOver) : IRawMessageStore
{
    public const string TableName = "raw_messages";

    private string Table => $"{store.Options.DatabaseSchemaName}.{TableName}";

    public static Table Definition(string schema)
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(schema, TableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("content", "bytea").NotNull();
        table.AddColumn("size", "bigint").NotNull();
        table.AddColumn("stored_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    public void Store(IDocumentSession session, Guid articleId, byte[] raw)
    {
        session.QueueSqlCommand($"insert into {Table} (id, content, size) values (?, ?, ?)", articleId, raw, (long)raw.Length);
        handOver.OfferAfterCommit(session, articleId, raw);
    }

    /// <summary>Read with sequential access straight into an array of the stored size: a buffered row would hold a
    /// second copy of a large message (ADR 17). Stored messages are committed, so a connection of its own reads them.</summary>
    public async Task<byte[]?> LoadAsync(IQuerySession session, Guid articleId, CancellationToken cancellation)
    {
        if (handOver.Take(articleId) is { } committed)
            return committed;
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"select size, content from {Table} where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = articleId });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellation);
        if (!await reader.ReadAsync(cancellation))
            return null;
        var content = new byte[reader.GetInt64(0)];
        await using var stream = await reader.GetStreamAsync(1, cancellation);
        await stream.ReadExactlyAsync(content, cancellation);
        return content;
    }
}
