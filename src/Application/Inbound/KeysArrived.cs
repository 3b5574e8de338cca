using Marten;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Common;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;
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

/// <summary>The read model finds the tickets with an article waiting for a key; each ticket's aggregate decides which.</summary>
public static class AwaitingKeys
{
    public static async Task<IReadOnlyList<(Guid TicketId, Guid ArticleId)>> ArticlesAsync(IQuerySession session, Func<TicketArticle, bool> wanted,
        CancellationToken cancellation)
    {
        var ticketIds = await session.Query<TicketDetails>().Where(t => t.AwaitingKeys).Select(t => t.Id).ToListAsync(cancellation);
        var articles = new List<(Guid, Guid)>();
        foreach (var ticketId in ticketIds)
            if (await session.Events.AggregateStreamAsync<Ticket>(ticketId, token: cancellation) is { } ticket)
                articles.AddRange(ticket.Articles.Where(a => a.Security?.AwaitsKey == true && wanted(a)).Select(a => (ticketId, a.Id)));
        return articles;
    }

    /// <summary>Whether the key can change what the article is waiting for. A signer's key helps only mail from one of its
    /// addresses: for any other sender the signature would still not be the sender's.</summary>
    public static bool Wants(TicketArticle article, ArrivedKey key) =>
        article.Security is { } security && security.System == key.System && key.Kind switch
        {
            ArrivedKeyKind.PrivateKey => security.AwaitsPrivateKey,
            ArrivedKeyKind.Authority => security.AwaitsSignerKey,
            _ => security.AwaitsSignerKey && EmailAddress.Distinct(key.Emails).Contains(EmailAddress.Of(article.From)),
        };
}
