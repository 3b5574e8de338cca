using Marten;
using Microsoft.Extensions.Caching.Memory;
using SecureMail.Infrastructure.Database;

namespace SecureMail.Infrastructure.Messages;

/// <summary>A message this node has just committed, kept in memory for the one reader that follows on the same node: the
/// delivery of a composed article, the security processing of a received one. It saves reading back bytes that were
/// written a moment ago. Only committed messages are offered (ADR 45), small ones only, within a fixed memory budget and
/// for a short time; a reader that misses (another node, a restart, a large message, a retry) reads the table.</summary>
public sealed class RawMessageHandOver : IDisposable
{
    public const int MaxMessageBytes = 256 * 1024;
    private const long BudgetBytes = 64L * 1024 * 1024;
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(2);

    private readonly MemoryCache messages = new(new MemoryCacheOptions { SizeLimit = BudgetBytes });

    /// <summary>Offers the message once the session's transaction has committed; nothing if it rolls back.</summary>
    public void OfferAfterCommit(IDocumentSession session, Guid articleId, byte[] raw)
    {
        if (raw.Length <= MaxMessageBytes)
            AfterCommit.Run(session, () => Offer(articleId, raw));
    }

    /// <summary>The message, once: the reader owns it from here, and the memory is freed.</summary>
    public byte[]? Take(Guid articleId)
    {
        if (!messages.TryGetValue(articleId, out byte[]? raw))
            return null;
        messages.Remove(articleId);
        return raw;
    }

    private void Offer(Guid articleId, byte[] raw) =>
        messages.Set(articleId, raw, new MemoryCacheEntryOptions { Size = raw.Length, AbsoluteExpirationRelativeToNow = KeptFor });

    public void Dispose() => messages.Dispose();
}
