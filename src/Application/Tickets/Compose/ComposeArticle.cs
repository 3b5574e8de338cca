using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Compose;

/// <param name="TicketId">null opens a new ticket; otherwise a reply on it.</param>
/// <param name="ExpectedVersion">For a reply: the ticket version the agent saw (409 when stale).</param>
/// <param name="Sign">null: the group's default.</param>
public sealed record ComposeArticle(
    Guid? TicketId,
    long? ExpectedVersion,
    ArticleDraft Draft,
    IReadOnlyList<OutgoingAttachment> Attachments,
    MailSecuritySystem? SecurityType,
    bool? Sign,
    bool? Encrypt,
    string Actor);

public sealed record ComposedArticle(Guid TicketId, Guid ArticleId);

/// <summary>Sends a stored article; carried by Wolverine's durable outbox, committed with the article's events.</summary>
/// <param name="Attempt">Which delivery attempt this is. Counted here, not by Wolverine: Wolverine also counts the retries
/// of a database outage, which must not use up the relay's retries.</param>
public sealed record DeliverArticle(Guid TicketId, Guid ArticleId, int Attempt = 1);
