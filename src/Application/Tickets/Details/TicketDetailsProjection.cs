using JasperFx.Events;
using Marten.Events.Projections;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Details;

/// <summary>Gathers a ticket's stream and its articles' delivery streams (every event names its ticket).</summary>
public sealed class TicketDetailsProjection : MultiStreamProjection<TicketDetails, Guid>
{
    public TicketDetailsProjection()
    {
        Identity<TicketOpened>(e => e.TicketId);
        Identity<ArticleComposed>(e => e.TicketId);
        Identity<ArticleSigned>(e => e.TicketId);
        Identity<ArticleEncrypted>(e => e.TicketId);
        Identity<ArticleSecurityFailed>(e => e.TicketId);
        Identity<ArticleDelivered>(e => e.TicketId);
        Identity<ArticleDeliveryFailed>(e => e.TicketId);
    }

    public override TicketDetails? Evolve(TicketDetails? ticket, Guid id, IEvent e)
    {
        var next = e.Data switch
        {
            TicketOpened o => new TicketDetails { Id = id, Group = o.Group, Customer = o.Customer, Subject = o.Subject, OpenedAt = o.OpenedAt },
            ArticleComposed c => ticket! with { Articles = [.. ticket!.Articles, Composed(c)] },
            ArticleSigned s => Update(ticket!, s.ArticleId, a => a with { Security = a.Security! with
                { Signature = new SignatureStatusView("signed", null, new SignerView(s.SignerEmail, s.SignerName, s.SignerFingerprint)) } }),
            ArticleEncrypted x => Update(ticket!, x.ArticleId, a => a with { Security = a.Security! with
                { Encryption = new SecurityStatusView("encrypted", $"Encrypted for {x.RecipientFingerprints.Count} key(s) with {x.Cipher}.") } }),
            ArticleSecurityFailed f => Update(ticket!, f.ArticleId, a => a with
            {
                Security = f.Operation == "Sign"
                    ? a.Security! with { Signature = new SignatureStatusView("failed", f.Reason, null) }
                    : a.Security! with { Encryption = new SecurityStatusView("failed", f.Reason) },
                Delivery = new DeliveryView("notSent", f.Reason, 0, f.FailedAt),
            }),
            ArticleDelivered d => Update(ticket!, d.ArticleId, a => a with { Delivery = new DeliveryView("delivered", d.Reply, d.Attempts, d.DeliveredAt) }),
            ArticleDeliveryFailed d => Update(ticket!, d.ArticleId, a => a with { Delivery = new DeliveryView("failed", d.Reason, d.Attempts, d.FailedAt) }),
            _ => ticket,
        };
        // The ticket's own events are counted rather than read from e.Version: with Marten's quick append mode an inline
        // multi-stream projection sees events before the database numbers them. Every ticket-stream event type is handled above.
        return next is null ? null : next with { TicketVersion = e.StreamId == id ? (ticket?.TicketVersion ?? 0) + 1 : next.TicketVersion, UpdatedAt = e.Timestamp };
    }

    private static ArticleView Composed(ArticleComposed c) => new(
        c.ArticleId, "outgoing", c.From, c.To, c.Cc, c.Subject, c.Body, c.Html, c.Attachments, c.ComposedAt,
        new ArticleSecurityView(c.Security.Type?.ToString(), new SecurityStatusView("none", null), new SignatureStatusView("none", null, null)),
        new DeliveryView("pending", null, 0, null));

    private static TicketDetails Update(TicketDetails ticket, Guid articleId, Func<ArticleView, ArticleView> change) =>
        ticket with { Articles = ticket.Articles.Select(a => a.Id == articleId ? change(a) : a).ToList() };
}
