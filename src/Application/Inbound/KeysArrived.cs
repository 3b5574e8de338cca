using Marten;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using Wolverine;

namespace SecureMail.Application.Inbound;

public enum ArrivedKeyKind
{
    /// <summary>Decrypts mail sent to us: an S/MIME private key or a PGP secret key.</summary>
    PrivateKey,
    /// <summary>Verifies one sender's signatures: an end-entity certificate or a PGP public key.</summary>
    SignerKey,
    /// <summary>Vouches for whatever it issued: a trust anchor.</summary>
    Authority,
}

/// <param name="Description">Names it in the retried article's history, e.g. "certificate 3f2a… imported".</param>
public sealed record ArrivedKey(MailSecuritySystem System, ArrivedKeyKind Kind, IReadOnlyList<string> Emails, string Description);

/// <summary>Cascaded by every keystore import: the articles that were waiting for such a key are processed again, with
/// nobody asking.</summary>
public sealed record KeysArrived(IReadOnlyList<ArrivedKey> Keys, string Actor)
{
    public static OutgoingMessages After(string actor, IEnumerable<ArrivedKey> keys) =>
        keys.ToList() is { Count: > 0 } arrived ? [new KeysArrived(arrived, actor)] : [];
}

public static class KeysArrivedHandler
{
    public static async Task<OutgoingMessages> Handle(KeysArrived command, IQuerySession session, CancellationToken cancellation)
    {
        var trigger = string.Join("; ", command.Keys.Select(k => k.Description));
        var articles = await AwaitingKeys.ArticlesAsync(session, article => command.Keys.Any(key => AwaitingKeys.Wants(article, key)), cancellation);
        var retries = new OutgoingMessages();
        retries.AddRange(articles.Select(a => new RetrySecurityProcess(a.TicketId, a.ArticleId, command.Actor, trigger)));
        return retries;
    }
}

public static class AwaitingKeys
{
    public static async Task<IReadOnlyList<(Guid TicketId, Guid ArticleId)>> ArticlesAsync(IQuerySession session, Func<ArticleView, bool> wanted,
        CancellationToken cancellation)
    {
        var tickets = await session.Query<TicketDetails>().Where(t => t.AwaitingKeys).ToListAsync(cancellation);
        return tickets.SelectMany(t => t.Articles.Where(a => a.AwaitsKey && wanted(a)).Select(a => (t.Id, a.Id))).ToList();
    }

    /// <summary>Whether the key can change what the article is waiting for. A signer's key helps only mail from one of its
    /// addresses: for any other sender the signature would still not be the sender's.</summary>
    public static bool Wants(ArticleView article, ArrivedKey key) =>
        article.Security is { } security && security.Type == key.System.ToString() && key.Kind switch
        {
            ArrivedKeyKind.PrivateKey => security.Encryption.Reason == InboundFailure.NoPrivateKey,
            ArrivedKeyKind.Authority => security.Signature.Reason == InboundFailure.UnknownSigner,
            _ => security.Signature.Reason == InboundFailure.UnknownSigner && key.Emails.Contains(article.From.Trim().ToLowerInvariant()),
        };
}
