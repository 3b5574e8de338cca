using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SecureMail.Application.Audit;

namespace SecureMail.Api.Tests.Audit;

/// <summary>The digest is ADR 10's record byte for byte: chains written before the one-buffer hashing (issue 7) must
/// still verify. The reference here builds the record field by field, as the ADR writes it.</summary>
public class ChainRecordFormatTests
{
    [Theory]
    [InlineData("", "", "")]
    [InlineData("ticket_opened", "*DEFAULT*", "{\"subject\": \"Grüße €\"}")]
    [InlineData("article_received", "tenant", "{\"body\": \"lone surrogate \uD83D and emoji 😀\"}")]
    public void The_digest_is_the_record_the_ADR_defines(string type, string tenant, string data)
    {
        var stored = new StoredEvent(42, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), 7, type,
            new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234560), tenant, data + new string('x', 5000));

        Assert.Equal(Convert.ToHexString(Reference(stored)), Convert.ToHexString(ChainHash.Digest(stored)));
    }

    private static byte[] Reference(StoredEvent e)
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
        Number((e.Timestamp.Ticks - DateTime.UnixEpoch.Ticks) / 10);
        Text(e.TenantId);
        Text(e.Data);
        return SHA256.HashData(record.ToArray());
    }
}
