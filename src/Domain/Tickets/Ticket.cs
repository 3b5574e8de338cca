using SecureMail.Domain.Common;

namespace SecureMail.Domain.Tickets;

public sealed record TicketArticle(Guid Id, string MessageId, string From, IReadOnlyList<string> Recipients);

public sealed record Ticket(Guid Id, string Group, string Customer, string Subject, IReadOnlyList<TicketArticle> Articles)
{
    public static Ticket Create(TicketOpened e) => new(e.TicketId, e.Group, e.Customer, e.Subject, []);

    public Ticket Apply(ArticleComposed e) =>
        this with { Articles = [.. Articles, new TicketArticle(e.ArticleId, e.MessageId, e.From, [.. e.To, .. e.Cc])] };

    public Ticket Apply(Inbound.ArticleReceived e) =>
        this with { Articles = [.. Articles, new TicketArticle(e.ArticleId, e.MessageId ?? "", e.From.FirstOrDefault() ?? "", [.. e.To, .. e.Cc])] };

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
    public static Decision Compose(Ticket? current, Guid ticketId, Guid articleId, string messageId, string from, ArticleDraft draft,
        RequestedSecurity security, string actor, DateTimeOffset now)
    {
        if (draft.To.Count + draft.Cc.Count == 0)
            return Decision.Reject(RejectionKind.Invalid, "There was no recipient found.");
        if (string.IsNullOrWhiteSpace(draft.Subject) && current is null)
            return Decision.Reject(RejectionKind.Invalid, "A new ticket needs a subject.");
        var subject = string.IsNullOrWhiteSpace(draft.Subject) ? $"Re: {current!.Subject}" : draft.Subject;
        var composed = new ArticleComposed(ticketId, articleId, messageId, from, draft.To, draft.Cc, subject, draft.Body, draft.Html,
            draft.Attachments, security, current?.Articles.LastOrDefault()?.MessageId, actor, now);
        return current is null
            ? Decision.Accept(new TicketOpened(ticketId, draft.Group, draft.Customer, subject, actor, now), composed)
            : Decision.Accept(composed);
    }
}
