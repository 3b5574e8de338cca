using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SecureMail.Api.Tests.Support;
using SecureMail.Application.Audit;
using SecureMail.Infrastructure.Audit;

namespace SecureMail.Api.Tests.Audit;

/// <summary>The digest PostgreSQL computes (ADR 20) is ADR 10's record byte for byte: chains written while .NET built
/// the record must still verify. The reference here builds it field by field, as the ADR writes it, from the row's
/// text as PostgreSQL renders it; the rows are in a temporary copy of the events table, so nothing is chained.</summary>
[Collection(RunningService.Name)]
public class ChainRecordFormatTests
{
    [Fact]
    public async Task The_database_digest_is_the_record_the_ADR_defines()
    {
        await using var connection = new NpgsqlConnection(ServiceFixture.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, $"create temp table mt_events (like {ServiceFixture.Schema}.mt_events including defaults) on commit drop");
        string[] data =
        [
            """{"subject": "Grüße €"}""",
            """{"body": "emoji 😀, a \"quote\", a \\ backslash and a line\nbreak", "n": 1.50, "big": 123456789012345678901234567890, "nested": {"b": [1, 2], "a": null}}""",
            "{}",
            $$"""{"attachment": "{{new string('x', 20_000)}}"}""",
            "{}",
            "{}",
        ];
        string[] types = ["ticket_opened", "article_received", "", "article_composed", "tombstone", "tombstone"];
        string[] tenants = ["*DEFAULT*", "tenant ä", "", "t", "*DEFAULT*", "*DEFAULT*"];
        string[] times = ["2026-11-28 12:00:00.123456+00", "1999-12-31 23:59:59.999999-05", "1970-01-01 00:00:00+00",
            "2040-02-29 06:07:08.000001+13:45", "-infinity", "infinity"];
        for (var i = 0; i < data.Length; i++)
            await Execute(connection,
                "insert into pg_temp.mt_events (seq_id, id, stream_id, version, type, timestamp, tenant_id, data) " +
                $"values ({i + 1}, gen_random_uuid(), gen_random_uuid(), {i * 7 + 1}, $1, $2::timestamptz, $3, $4::jsonb)",
                types[i], times[i], tenants[i], data[i]);

        var digests = new List<EventDigest>();
        await foreach (var digest in new EventDigests("pg_temp").RangeAsync(transaction, 0, long.MaxValue, withDataDigest: true, CancellationToken.None))
            digests.Add(digest);

        var rows = await Rendered(connection);
        Assert.Equal(data.Length, digests.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Sequence, digests[i].Sequence);
            Assert.Equal(rows[i].StreamId, digests[i].StreamId);
            Assert.Equal(Convert.ToHexString(Reference(rows[i])), Convert.ToHexString(digests[i].Digest));
            Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rows[i].Data))), Convert.ToHexString(digests[i].DataDigest!));
        }
    }

    [Fact]
    public async Task The_chain_hash_is_the_HMAC_the_ADR_defines_on_every_thread_and_every_call()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var chain = new ChainHash(key);
        var digests = Enumerable.Range(0, 3).Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var previous = ChainHash.Genesis;
            foreach (var digest in digests)
                previous = chain.Next(previous, digest);
            return previous;
        })));

        var expected = ChainHash.Genesis;
        foreach (var digest in digests)
            expected = HMACSHA256.HashData(key, expected.Concat(digest).ToArray());
        Assert.All(results, hash => Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(hash)));
    }

    private sealed record Row(long Sequence, string Id, string StreamId, long Version, string Type, DateTime Timestamp, string TenantId, string Data);

    private static async Task<List<Row>> Rendered(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "select seq_id, id::text, stream_id::text, version, type, timestamp, tenant_id, data::text from pg_temp.mt_events order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
            rows.Add(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetDateTime(5), reader.GetString(6), reader.GetString(7)));
        return rows;
    }

    private static byte[] Reference(Row e)
    {
        var record = new List<byte>(Encoding.ASCII.GetBytes("securemail.audit.v1"));
        void Number(long value) => record.AddRange(BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness(value)));
        void Text(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            record.AddRange(BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness(bytes.Length)));
            record.AddRange(bytes);
        }
        Number(e.Sequence);
        Text(e.Id);
        Text(e.StreamId);
        Number(e.Version);
        Text(e.Type);
        Number((e.Timestamp.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / 10);
        Text(e.TenantId);
        Text(e.Data);
        return SHA256.HashData(record.ToArray());
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync();
    }
}
