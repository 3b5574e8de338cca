using System.Text;

namespace SecureMail.Bench.Load;

/// <summary>Row 7: one message of the given size (a short text and a base64 attachment) posted and processed, while
/// the service's peak resident set is watched through /proc (the peak is reset first with clear_refs).</summary>
public sealed class LargeIngest(ServiceClient service, EventCounts events, int processId)
{
    public async Task<(long Growth, long Size)> RunAsync(int size)
    {
        var message = Message(size);
        var before = await events.OfAsync("article_content_extracted");
        await File.WriteAllTextAsync($"/proc/{processId}/clear_refs", "5");
        var resident = Kilobytes("VmRSS");
        await ServiceClient.Expect(service.SendBytesAsync("/api/v1/inbound", "mailer", message, "message/rfc822"), 202);
        await events.WaitUntilAsync(async () => await events.OfAsync("article_content_extracted") > before, TimeSpan.FromMinutes(3),
            $"the {size}-byte message processed (content extracted)");
        var peak = Kilobytes("VmHWM");
        return ((peak - resident) * 1024, message.Length);
    }

    private long Kilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]);
    }

    private static byte[] Message(int size)
    {
        var head = "From: Alice <alice@example.com>\r\nTo: support@example.com\r\nSubject: A large attachment\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@customer.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe logs you asked for are attached.\r\n" +
            "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"logs.bin\"\r\n" +
            "Content-Transfer-Encoding: base64\r\n\r\n";
        const string tail = "\r\n--b--\r\n";
        var lines = (size - head.Length - tail.Length) / 78;
        var random = new Random(7);
        var text = new StringBuilder(size);
        text.Append(head);
        var chunk = new byte[57];
        for (var i = 0; i < lines; i++)
        {
            random.NextBytes(chunk);
            text.Append(Convert.ToBase64String(chunk)).Append("\r\n");
        }
        text.Length -= 2;
        text.Append(tail);
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
