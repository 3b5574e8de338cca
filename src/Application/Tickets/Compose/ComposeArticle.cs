using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Compose;

/// <param name="Attachments">The files themselves; the intent's draft lists them by name and size.</param>
public sealed record ComposeArticle(ComposeIntent Intent, IReadOnlyList<OutgoingAttachment> Attachments);

public sealed record ComposedArticle(Guid TicketId, Guid ArticleId);

/// <summary>Sends a stored article; carried by Wolverine's durable outbox, committed with the article's events.</summary>
/// <param name="Attempt">Which delivery attempt this is. Counted here, not by Wolverine: Wolverine also counts the retries
/// of a database outage, which must not use up the relay's retries.</param>
public sealed record DeliverArticle(Guid TicketId, Guid ArticleId, int Attempt = 1);
