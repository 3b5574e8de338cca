using System.Collections.Concurrent;
using Marten;
using Marten.Services;

namespace SecureMail.Application.Tickets.Delivery;

/// <summary>Outcomes of sends the relay accepted whose record is not committed yet, in this process. When the commit after a
/// send fails (the database went away, or a reply was appended to the ticket first) the delivery runs again; it then
/// records the remembered outcome instead of sending the message a second time. A crash forgets them: that window stays
/// at least once (ADR 9).</summary>
public sealed class AcceptedSends(TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, (object Outcome, DateTimeOffset At)> _accepted = new();

    /// <param name="outcome">The <see cref="SecureMail.Domain.Tickets.ArticleDelivered"/> or <see cref="SecureMail.Domain.Tickets.ArticleDeliveryFailed"/> to append.</param>
    public void Remember(Guid articleId, object outcome)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, entry) in _accepted)
            if (now - entry.At > KeptFor)
                _accepted.TryRemove(id, out _);
        _accepted[articleId] = (outcome, now);
    }

    public object? Recall(Guid articleId) => _accepted.TryGetValue(articleId, out var entry) ? entry.Outcome : null;

    /// <summary>Once the session that records the outcome commits, there is nothing left to remember.</summary>
    public void ForgetAfterCommit(IDocumentSession session, Guid articleId) => session.Listeners.Add(new ForgetOnCommit(this, articleId));

    private sealed class ForgetOnCommit(AcceptedSends sends, Guid articleId) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            sends._accepted.TryRemove(articleId, out _);
            return Task.CompletedTask;
        }
    }
}
