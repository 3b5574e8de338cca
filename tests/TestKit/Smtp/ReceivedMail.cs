using System.Text.Json;
using SecureMail.TestKit.Outgoing;

namespace SecureMail.TestKit.Smtp;

/// <param name="Raw">The DATA exactly as the server received it.</param>
/// <param name="MailFrom">The MAIL FROM address; empty for the null reverse-path.</param>
/// <param name="Recipients">The RCPT TO addresses the server accepted.</param>
/// <param name="QueueId">The id the server named in its 250 reply ("queued as ...").</param>
public sealed record ReceivedMail(byte[] Raw, string MailFrom, IReadOnlyList<string> Recipients, string QueueId)
{
    /// <summary>The Message-ID header's value without its angle brackets; null when the message has none.</summary>
    public string? MessageId => RawMime.Header(Raw, "Message-ID")?.Trim('<', '>');

    /// <summary>The Maildir's new/ entries, oldest first (the handler names them by arrival time).</summary>
    internal static List<string> Names(string maildir)
    {
        var fresh = Path.Combine(maildir, "new");
        return Directory.Exists(fresh)
            ? Directory.GetFiles(fresh).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    internal static ReceivedMail Read(string maildir, string name)
    {
        using var envelope = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(maildir, "envelopes", name + ".json")));
        return new ReceivedMail(
            File.ReadAllBytes(Path.Combine(maildir, "new", name)),
            envelope.RootElement.GetProperty("mailFrom").GetString() ?? "",
            envelope.RootElement.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()!).ToList(),
            name);
    }
}
