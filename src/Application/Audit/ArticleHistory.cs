using System.Text.Json;

namespace SecureMail.Application.Audit;

/// <summary>An article's security story in one read: composed, signed, encrypted, delivered; or received, decrypted,
/// verified, retried: its events on the ticket's stream, in the order they happened.</summary>
public static class ArticleHistory
{
    public static async Task<IReadOnlyList<LoggedEvent>?> For(IEventLog log, Guid ticketId, Guid articleId, CancellationToken cancellation)
    {
        var ticket = await log.StreamAsync(ticketId, cancellation);
        var ofArticle = ticket?.Events.Where(e => Names(e, articleId)).ToList();
        return ofArticle is { Count: > 0 } ? ofArticle : null;
    }

    private static bool Names(LoggedEvent e, Guid articleId) =>
        e.Data.ValueKind == JsonValueKind.Object
        && e.Data.TryGetProperty("articleId", out var id)
        && id.ValueKind == JsonValueKind.String
        && id.GetString() == articleId.ToString();
}
