using Npgsql;
using SecureMail.Application.Audit;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace SecureMail.Infrastructure.Audit;

/// <summary>The chain and its checkpoints, beside Marten's tables. Only the chainer inserts; nothing updates or deletes.</summary>
public sealed class AuditTables(string schema)
{
    public const string ChainName = "audit_chain";
    public const string CheckpointsName = "audit_checkpoints";

    public string Chain => $"{schema}.{ChainName}";
    public string Checkpoints => $"{schema}.{CheckpointsName}";

    public IEnumerable<Table> Definitions()
    {
        var chain = new Table(new PostgresqlObjectName(schema, ChainName, SchemaUtils.IdentifierUsage.General));
        chain.AddColumn<long>("seq").AsPrimaryKey();
        chain.AddColumn<long>("position").NotNull();
        chain.AddColumn<string>("stream_id").NotNull();
        chain.AddColumn("digest", "bytea").NotNull();
        chain.AddColumn("data_digest", "bytea").NotNull();
        chain.AddColumn("hash", "bytea").NotNull();
        chain.AddColumn("chained_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        chain.Indexes.Add(new IndexDefinition($"ix_{ChainName}_position") { Columns = ["position"], IsUnique = true });
        yield return chain;

        var checkpoints = new Table(new PostgresqlObjectName(schema, CheckpointsName, SchemaUtils.IdentifierUsage.General));
        checkpoints.AddColumn<long>("position").AsPrimaryKey();
        checkpoints.AddColumn<long>("seq").NotNull();
        checkpoints.AddColumn("hash", "bytea").NotNull();
        checkpoints.AddColumn("created_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        yield return checkpoints;
    }

    /// <summary>The columns <see cref="ReadLink"/> reads, in its order.</summary>
    private const string LinkColumns = "position, seq, stream_id, digest, data_digest, hash";

    /// <summary>A page of links in one statement, one array per column: a statement per event cost more than the
    /// hashing it records.</summary>
    public string InsertLinks => $"insert into {Chain} (seq, position, stream_id, digest, data_digest, hash) " +
        "select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::bytea[], ?::bytea[], ?::bytea[])";

    public string InsertCheckpoint => $"insert into {Checkpoints} (position, seq, hash) values (?, ?, ?)";

    public async Task<ChainLink?> HeadAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select {LinkColumns} from {Chain} order by position desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation) ? ReadLink(reader, 0) : null;
    }

    /// <summary>Hands <paramref name="read"/> the position, seq, digest and hash of each chain record with
    /// after &lt; seq &lt;= upTo, in sequence order.</summary>
    public async Task ForEachHashAsync(NpgsqlConnection connection, long after, long upTo, Action<NpgsqlDataReader> read, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select position, seq, digest, hash from {Chain} where seq > $1 and seq <= $2 order by seq", connection);
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = upTo });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            read(reader);
    }

    /// <summary>The SHA-256 of the data's text of the event chained at <paramref name="sequence"/>, if any.</summary>
    public async Task<byte[]?> ChainedDataDigestAsync(NpgsqlConnection connection, long sequence, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select data_digest from {Chain} where seq = $1", connection);
        command.Parameters.Add(new() { Value = sequence });
        return await command.ExecuteScalarAsync(cancellation) as byte[];
    }

    public async Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(NpgsqlConnection connection, int limit, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select position, seq, hash, created_at from {Checkpoints} order by position desc limit $1", connection);
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var checkpoints = new List<Checkpoint>();
        while (await reader.ReadAsync(cancellation))
            checkpoints.Add(new(reader.GetInt64(0), reader.GetInt64(1), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2)),
                reader.GetFieldValue<DateTimeOffset>(3)));
        return checkpoints;
    }

    /// <summary>The <see cref="LinkColumns"/> from <paramref name="first"/> on.</summary>
    private static ChainLink ReadLink(NpgsqlDataReader reader, int first) => new(
        reader.GetInt64(first), reader.GetInt64(first + 1), reader.GetString(first + 2),
        reader.GetFieldValue<byte[]>(first + 3), reader.GetFieldValue<byte[]>(first + 4), reader.GetFieldValue<byte[]>(first + 5));
}
