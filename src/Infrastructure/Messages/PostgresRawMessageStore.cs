using Marten;
using SecureMail.Application.Messages;
using Weasel.Postgresql.Tables;

namespace SecureMail.Infrastructure.Messages;

/// <summary>A bytea table beside Marten's: a message is stored once as bytes, not base64 inside JSON.</summary>
public sealed class PostgresRawMessageStore(IDocumentStore store) : IRawMessageStore
{
    public const string TableName = "raw_messages";

    private string Table => $"{store.Options.DatabaseSchemaName}.{TableName}";

    public static Table Definition(string schema)
    {
        var table = new Table(new Weasel.Core.DbObjectName(schema, TableName));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("content", "bytea").NotNull();
        table.AddColumn("size", "bigint").NotNull();
        table.AddColumn("stored_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    public void Store(IDocumentSession session, Guid articleId, byte[] raw) =>
        session.QueueSqlCommand($"insert into {Table} (id, content, size) values (?, ?, ?)", articleId, raw, (long)raw.Length);

    public async Task<byte[]?> LoadAsync(IQuerySession session, Guid articleId, CancellationToken cancellation)
    {
        var rows = await session.AdvancedSql.QueryAsync<byte[]>($"select content from {Table} where id = ?", cancellation, articleId);
        return rows.FirstOrDefault();
    }
}
