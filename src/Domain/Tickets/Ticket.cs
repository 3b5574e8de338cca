using SecureMail.Domain.Common;
using SecureMail.Domain.Inbound;

namespace SecureMail.Domain.Tickets;

public enum ArticleDirection
{
    Outgoing,
    Incoming,
}

/// <param name="AddedAt">The ticket version (stream version) at which the article was added.</param>
/// <param name="DeliveryConcluded">Delivered, or given up on: it is not sent again.</param>
/// <param name="Security">Incoming articles only: where their security process stands.</param>
public sealed record TicketArticle(Guid Id, string MessageId, string From, IReadOnlyList<string> Recipients, long AddedAt, bool DeliveryConcluded = false,
    ArticleDirection Direction = ArticleDirection.Outgoing, InboundSecurity? Security = null);

public sealed record Ticket(Guid Id, string Group, string Customer, string Subject, IReadOnlyList<TicketArticle> Articles) : IEvolving<Ticket>
{
    public static Evolution<Ticket> Evolution { get; } = new Evolution<Ticket>()
        .Create<TicketOpened>(Open)
        .On<ArticleComposed>((ticket, e, version) => ticket.Add(e, version))
        .On<ArticleDelivered>((ticket, e) => ticket.Concluded(e.ArticleId))
        .On<ArticleDeliveryFailed>((ticket, e) => ticket.Concluded(e.ArticleId))
        .On<ArticleReceived>((ticket, e, version) => ticket.Add(e, version))
        .On<SecurityProcessRetried>((ticket, e) => ticket.Secured(e.ArticleId, e))
        .On<ArticleSecurityChecked>((ticket, e) => ticket.Secured(e.ArticleId, e))
        .On<ArticleDecrypted>((ticket, e) => ticket.Secured(e.ArticleId, e))
        .On<DecryptionFailed>((ticket, e) => ticket.Secured(e.ArticleId, e))
        .On<SignatureVerified>((ticket, e) => ticket.Secured(e.ArticleId, e))
        .On<SignatureVerificationFailed>((ticket, e) => ticket.Secured(e.ArticleId, e))
        .On<SecurityProcessAbandoned>((ticket, e) => ticket.Secured(e.ArticleId, e));

    // Named apart from Marten's Create/Apply conventions: the store folds a ticket through Evolution alone.
    public static Ticket Open(TicketOpened e) => new(e.TicketId, e.Group, e.Customer, e.Subject, []);

    public Ticket Add(ArticleComposed e, long version) =>
        this with { Articles = [.. Articles, new TicketArticle(e.ArticleId, e.MessageId, e.From, [.. e.To, .. e.Cc], version)] };

    private Ticket Concluded(Guid articleId) =>
        this with { Articles = Articles.Select(a => a.Id == articleId ? a with { DeliveryConcluded = true } : a).ToList() };

    public Ticket Add(ArticleReceived e, long version) =>
        this with { Articles = [.. Articles, new TicketArticle(e.ArticleId, e.MessageId ?? "", e.From.FirstOrDefault() ?? "", [.. e.To, .. e.Cc], version,
            Direction: ArticleDirection.Incoming, Security: InboundSecurity.Received(e.ReceivedAt))] };

    private Ticket Secured(Guid articleId, object outcome) =>
        this with { Articles = Articles.Select(a => a.Id == articleId && a.Security is { } security ? a with { Security = security.After(outcome) } : a).ToList() };

    public TicketArticle? Article(Guid id) => Articles.FirstOrDefault(a => a.Id == id);
}

/// <summary>The article an agent asks to send, before any key is touched.</summary>
public sealed record ArticleDraft(
    string Group,
    string Customer,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string Body,
    string? Html,
    IReadOnlyList<AttachmentInfo> Attachments);

public static class Composing
{
    /// <summary>Opens a ticket (when <paramref name="current"/> is null) or replies on it. Threading headers follow
    /// RFC 5322 §3.6.4: In-Reply-To is the latest article, References every earlier one.</summary>
    /// <param name="expectedVersion">The ticket version the agent saw. Only a newer article makes it stale: security outcomes
    /// and deliveries recorded meanwhile do not change what the agent is answering.</param>
    public static Decision Compose(Ticket? current, Guid ticketId, Guid articleId, string messageId, string from, ArticleDraft draft,
        RequestedSecurity security, string actor, DateTimeOffset now, long? expectedVersion = null)
    {
        if (current is not null && expectedVersion is { } seen && current.Articles.Any(a => a.AddedAt > seen))
            return Refused(RejectionKind.Conflict, ComposeCode.TicketChanged, ComposeMessages.Stale(seen));
        if (draft.To.Count + draft.Cc.Count == 0)
            return Refused(RejectionKind.Invalid, ComposeCode.NoRecipient, ComposeMessages.NoRecipient);
        if (string.IsNullOrWhiteSpace(draft.Subject) && current is null)
            return Refused(RejectionKind.Invalid, ComposeCode.SubjectMissing, ComposeMessages.SubjectMissing);
        var subject = string.IsNullOrWhiteSpace(draft.Subject) ? $"Re: {current!.Subject}" : draft.Subject;
        var composed = new ArticleComposed(ticketId, articleId, messageId, from, draft.To, draft.Cc, subject, draft.Body, draft.Html,
            draft.Attachments, security, current?.Articles.LastOrDefault()?.MessageId, actor, now);
        return current is null
            ? Decision.Accept(new TicketOpened(ticketId, draft.Group, draft.Customer, subject, actor, now), composed)
            : Decision.Accept(composed);
    }

    private static Decision Refused(RejectionKind kind, ComposeCode code, string message) =>
        new([], ComposeMessages.Refusal(kind, code, message));
}
