using System.Text;

namespace SecureMail.Reliability.Harness;

/// <summary>One message as the SMTP test server stored it: its Message-ID and when it arrived.</summary>
public sealed record ArrivedMail(string MessageId, DateTimeOffset ArrivedAt);

/// <summary>Reads the test SMTP server's Maildir (new/ entries named by arrival time in nanoseconds).</summary>
public static class Mailbox
{
    public static IReadOnlyList<ArrivedMail> Read(string maildir)
    {
        var fresh = Path.Combine(maildir, "new");
        if (!Directory.Exists(fresh))
            return [];
        return Directory.GetFiles(fresh).Order(StringComparer.Ordinal).Select(path =>
        {
            var nanoseconds = long.Parse(Path.GetFileName(path).Split('.')[0]);
            return new ArrivedMail(MessageIdOf(File.ReadAllBytes(path)), DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100));
        }).ToList();
    }

    /// <summary>Message-IDs that arrived more than once, with how many copies.</summary>
    public static IReadOnlyDictionary<string, int> Duplicates(IEnumerable<ArrivedMail> mail) =>
        mail.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count());

    private static string MessageIdOf(byte[] raw)
    {
        foreach (var line in Encoding.ASCII.GetString(raw).Split("\r\n"))
        {
            if (line.Length == 0)
                break;
            if (line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
                return line["Message-ID:".Length..].Trim().Trim('<', '>');
        }
        return "";
    }
}
