using JasperFx.Events;
using Marten;
using SecureMail.Domain.Inbound;

namespace SecureMail.Infrastructure.Telemetry;

/// <summary>The time from an incoming message's acceptance to the first security status it got, measured when that
/// status is committed. A status after a retry is left out: it measures how long a key took to arrive, not the service.</summary>
public sealed class InboundStatusLatency(SecureMailMetrics metrics, TimeProvider time)
{
    public async Task Record(IDocumentStore store, IReadOnlyList<IEvent> committed, CancellationToken token)
    {
        var concluded = committed.Where(e => IsStatus(e.Data)).GroupBy(e => (e.StreamId, Article: ArticleOf(e.Data))).ToList();
        if (concluded.Count == 0)
            return;
        var now = time.GetUtcNow();
        await using var session = store.QuerySession();
        foreach (var article in concluded)
        {
            var first = article.Min(e => e.Version);
            var history = (await session.Events.FetchStreamAsync(article.Key.StreamId, first - 1, token: token)).Select(e => e.Data).ToList();
            if (history.OfType<ArticleReceived>().FirstOrDefault(r => r.ArticleId == article.Key.Article) is not { } received)
                continue;
            if (history.Any(e => ArticleOf(e) == article.Key.Article && (IsStatus(e) || e is SecurityProcessRetried)))
                continue;
            var status = article.Any(e => e.Data is SecurityProcessAbandoned) ? "abandoned" : "verdict";
            metrics.InboundStatus(now - received.ReceivedAt, status);
        }
    }

    private static bool IsStatus(object data) =>
        data is ArticleDecrypted or DecryptionFailed or SignatureVerified or SignatureVerificationFailed or ArticleSecurityChecked or SecurityProcessAbandoned;

    private static Guid? ArticleOf(object data) => data switch
    {
        ArticleDecrypted e => e.ArticleId,
        DecryptionFailed e => e.ArticleId,
        SignatureVerified e => e.ArticleId,
        SignatureVerificationFailed e => e.ArticleId,
        ArticleSecurityChecked e => e.ArticleId,
        SecurityProcessAbandoned e => e.ArticleId,
        SecurityProcessRetried e => e.ArticleId,
        _ => null,
    };
}
