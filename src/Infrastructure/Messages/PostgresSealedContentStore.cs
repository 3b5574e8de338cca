using System.Data;
using Marten;
using Npgsql;
using SecureMail.Application.Messages;
using SecureMail.Infrastructure.Vault;
using Weasel.Postgresql.Tables;

namespace SecureMail.Infrastructure.Messages;

/// <summary>A bytea table beside raw_messages: each row is AES-256-GCM under the vault key with the article id as
/// associated data (a row copied onto another article does not open), never base64 inside JSON.</summary>
public sealed class PostgresSealedContentStore(IDocumentStore store, VaultKey key) : ISealedContentStore
{
    public const string TableName = "sealed_contents";

    private string Table => $"{store.Options.DatabaseSchemaName}.{TableName}";

    public static Table Definition(string schema)
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(schema, TableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("key_id", "text").NotNull();
        table.AddColumn("nonce", "bytea").NotNull();
        table.AddColumn("tag", "bytea").NotNull();
        table.AddColumn("size", "bigint").NotNull();
        table.AddColumn("content", "bytea").NotNull();
        table.AddColumn("stored_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    public void Store(IDocumentSession session, Guid articleId, byte[] plaintext)
    {
        var sealedContent = AesGcmSeal.Seal(key, articleId, plaintext);
        session.QueueSqlCommand(
            $"insert into {Table} (id, key_id, nonce, tag, size, content) values (?, ?, ?, ?, ?, ?) on conflict (id) do update set " +
            "key_id = excluded.key_id, nonce = excluded.nonce, tag = excluded.tag, size = excluded.size, content = excluded.content, stored_at = now()",
            articleId, sealedContent.KeyId, sealedContent.Nonce, sealedContent.Tag, (long)sealedContent.Ciphertext.Length, sealedContent.Ciphertext);
    }

    /// <summary>Read like raw messages: sequential access straight into an array of the stored size, on a connection of its own.</summary>
    public async Task<byte[]?> OpenAsync(IQuerySession session, Guid articleId, CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"select key_id, nonce, tag, size, content from {Table} where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = articleId });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellation);
        if (!await reader.ReadAsync(cancellation))
            return null;
        var keyId = reader.GetString(0);
        var nonce = await reader.GetFieldValueAsync<byte[]>(1, cancellation);
        var tag = await reader.GetFieldValueAsync<byte[]>(2, cancellation);
        var ciphertext = new byte[reader.GetInt64(3)];
        await using (var stream = await reader.GetStreamAsync(4, cancellation))
            await stream.ReadExactlyAsync(ciphertext, cancellation);
        return AesGcmSeal.Open(key, articleId, new SealedBytes(keyId, nonce, ciphertext, tag));
    }
}
