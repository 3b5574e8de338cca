using SecureMail.TestKit.Smtp;

namespace SecureMail.Reliability.Harness;

/// <summary>One message as the SMTP test server stored it: its Message-ID and when it arrived.</summary>
public sealed record ArrivedMail(string MessageId, DateTimeOffset ArrivedAt);

/// <summary>What reached the test SMTP server, with arrival times (its Maildir names each message by its arrival in nanoseconds).</summary>
public static class Mailbox
{
    public static IReadOnlyList<ArrivedMail> Read(SmtpTestServer smtp) =>
        smtp.Received().Select(mail => new ArrivedMail(mail.MessageId ?? "",
            DateTimeOffset.UnixEpoch.AddTicks(long.Parse(mail.QueueId.Split('.')[0]) / 100))).ToList();

    /// <summary>Message-IDs that arrived more than once, with how many copies.</summary>
    public static IReadOnlyDictionary<string, int> Duplicates(IEnumerable<ArrivedMail> mail) =>
        mail.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count());
}
