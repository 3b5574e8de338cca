using SecureMail.TestKit.Polling;

namespace SecureMail.Reliability.Harness;

/// <param name="Lost">Articles a client got a 2xx for that the store does not hold: must be none.</param>
/// <param name="Composed">Outgoing articles the store holds, including any committed just before a crash without an answer.</param>
/// <param name="Duplicates">Message-IDs the SMTP server received more than once, with the arrival times of their copies.</param>
/// <param name="Abandoned">Incoming articles whose security process was given up (time limit or attempts) instead of judged.</param>
public sealed record LedgerReport(
    IReadOnlyList<Guid> Lost, int Composed, int Received, int Delivered, int Processed,
    IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>> Duplicates, IReadOnlyList<Guid> Abandoned)
{
    public override string ToString() =>
        $"lost {Lost.Count}; stored {Composed} outgoing ({Delivered} reached the SMTP server), {Received} incoming ({Processed} processed, " +
        $"{Abandoned.Count} given up); " +
        $"duplicates {Duplicates.Count}{(Duplicates.Count > 0 ? $" ({Duplicates.Values.Sum(d => d.Count - 1)} extra copies)" : "")}";
}

/// <summary>Checks what the load was told against what the store and the SMTP server hold, once the outbox has drained:
/// every acknowledged article is stored, every stored outgoing article reached the SMTP server, every stored incoming
/// one was processed.</summary>
public static class Ledger
{
    private sealed record Drain(IReadOnlyList<ArrivedMail> Mail, ISet<Guid> Concluded, ISet<Guid> Extracted);

    public static async Task<LedgerReport> SettleAsync(Deployment deployment, MailLoad load, TimeSpan timeout)
    {
        var store = deployment.Store;
        var composed = await store.OfType("article_composed");
        var received = await store.OfType("article_received");
        var raw = await store.RawMessageIds();
        var storedIds = composed.Concat(received).Select(e => e.ArticleId!.Value).ToHashSet();
        var lost = load.ComposedArticles.Concat(load.ReceivedArticles).Where(id => !storedIds.Contains(id) || !raw.Contains(id)).ToList();

        var messageIds = composed.Select(e => e.MessageId!).ToHashSet();
        var receivedIds = received.Select(e => e.ArticleId!.Value).ToHashSet();
        var drained = await Eventually.Until(async () => new Drain(
                Mailbox.Read(deployment.Smtp),
                await store.ArticleIdsOf("article_delivered", "article_delivery_failed"),
                await store.ArticleIdsOf("article_content_extracted")),
            state => messageIds.IsSubsetOf(state.Mail.Select(m => m.MessageId)) && state.Concluded.Count >= composed.Count && receivedIds.IsSubsetOf(state.Extracted),
            Scale.Wait(timeout),
            state => $"{messageIds.Count(id => state.Mail.Any(m => m.MessageId == id))} of {messageIds.Count} outgoing arrived, " +
                     $"{state.Concluded.Count} delivery outcomes recorded, {receivedIds.Count(state.Extracted.Contains)} of {receivedIds.Count} incoming processed");
        var arrived = drained.Mail;

        var duplicates = arrived.Where(m => messageIds.Contains(m.MessageId)).GroupBy(m => m.MessageId).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DateTimeOffset>)g.Select(m => m.ArrivedAt).Order().ToList());
        var abandoned = (await store.ArticleIdsOf("security_process_abandoned")).Where(receivedIds.Contains).ToList();
        return new LedgerReport(lost, composed.Count, received.Count,
            messageIds.Count(id => arrived.Any(m => m.MessageId == id)), receivedIds.Count(drained.Extracted.Contains), duplicates, abandoned);
    }
}
