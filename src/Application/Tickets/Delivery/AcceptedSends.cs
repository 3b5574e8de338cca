using System.Collections.Concurrent;

namespace SecureMail.Application.Tickets.Delivery;

/// <summary>Outcomes of sends the relay accepted whose record is not committed yet, in this process. When the commit after a
/// send fails (the database went away) the delivery runs again; it then records the remembered outcome instead of sending
/// the message a second time. A crash forgets them: that window stays at least once (ADR 9).</summary>
public sealed class AcceptedSends(TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, (RecordDeliveryOutcome Outcome, DateTimeOffset At)> _accepted = new();

    public void Remember(RecordDeliveryOutcome outcome)
    {
        var now = clock.GetUtcNow();
        foreach (var (articleId, entry) in _accepted)
            if (now - entry.At > KeptFor)
                _accepted.TryRemove(articleId, out _);
        _accepted[outcome.ArticleId] = (outcome, now);
    }

    public RecordDeliveryOutcome? Recall(Guid articleId) => _accepted.TryGetValue(articleId, out var entry) ? entry.Outcome : null;

    public void Forget(Guid articleId) => _accepted.TryRemove(articleId, out _);
}
