using JasperFx.Events;
using Marten.Events.Aggregation;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Details;

public sealed class TicketDetailsProjection : SingleStreamProjection<TicketDetails, Guid>
{
    public TicketDetailsProjection()
    {
        // A rebuild (ADR 17) reads bigger pages, keeps tickets in memory between them and writes each ticket
        // once per flush instead of once per page. Inline use (every append) is unaffected.
        Options.BatchSize = 5000;
        Options.CacheLimitPerTenant = 20_000;
        Options.RebuildFlushThreshold = 5000;
        IncludeType<TicketOpened>();
        IncludeType<ArticleComposed>();
        IncludeType<ArticleSigned>();
        IncludeType<ArticleEncrypted>();
        IncludeType<ArticleSecurityFailed>();
        IncludeType<ArticleDelivered>();
        IncludeType<ArticleDeliveryFailed>();
        IncludeType<ArticleReceived>();
        IncludeType<ArticleContentExtracted>();
        IncludeType<ArticleSecurityChecked>();
        IncludeType<ArticleDecrypted>();
        IncludeType<DecryptionFailed>();
        IncludeType<SignatureVerified>();
        IncludeType<SignatureVerificationFailed>();
        IncludeType<SecurityProcessRetried>();
        IncludeType<SecurityProcessAbandoned>();
    }

    public override TicketDetails? Evolve(TicketDetails? ticket, Guid id, IEvent e)
    {
        TicketDetails? next = e.Data switch
        {
            TicketOpened o => new TicketDetails { Id = id, Group = o.Group, Customer = o.Customer, Subject = o.Subject, OpenedAt = o.OpenedAt },
            ArticleComposed c => ticket! with { Articles = [.. ticket!.Articles, Composed(c)], MessageIds = [.. ticket.MessageIds, c.MessageId] },
            ArticleReceived r => ticket! with { Articles = [.. ticket!.Articles, Received(r)], MessageIds = r.MessageId is null ? ticket.MessageIds : [.. ticket.MessageIds, r.MessageId] },
            ArticleContentExtracted x => Update(ticket!, x.ArticleId, a => a with { Body = x.Body, Html = x.Html, Attachments = x.Attachments }),
            ArticleSecurityChecked x => Update(ticket!, x.ArticleId, a => a with { Security = NoSecurity(null) }),
            SecurityProcessRetried x => Update(ticket!, x.ArticleId, a => a with { Security = null }),
            SecurityProcessAbandoned x => Update(ticket!, x.ArticleId, a => a with { Security = new ArticleSecurityView(null,
                new SecurityStatusView("failed", x.Message, x.Reason), new SignatureStatusView("invalid", x.Message, null, x.Reason)) }),
            ArticleDecrypted x => Update(ticket!, x.ArticleId, a => a with { Security = Incoming(a, x.System) with
                { Encryption = new SecurityStatusView("decrypted", DecryptedMessage(x)) } }),
            DecryptionFailed x => Update(ticket!, x.ArticleId, a => a with { Security = Incoming(a, x.System) with
                { Encryption = new SecurityStatusView("failed", x.Message, x.Reason) } }),
            SignatureVerified x => Update(ticket!, x.ArticleId, a => a with { Security = Incoming(a, x.System) with
                { Signature = new SignatureStatusView("valid", string.Join(" ", ["Signature successfully verified.", .. x.Warnings ?? []]), Signer(x.Signer)) } }),
            SignatureVerificationFailed x => Update(ticket!, x.ArticleId, a => a with { Security = Incoming(a, x.System) with
                { Signature = new SignatureStatusView("invalid", x.Message, x.Signer is null ? null : Signer(x.Signer), x.Reason) } }),
            ArticleSigned s => Update(ticket!, s.ArticleId, a => a with { Security = a.Security! with
                { Signature = new SignatureStatusView("signed", null, new SignerView(s.SignerEmail, s.SignerName, s.SignerFingerprint)) } }),
            ArticleEncrypted x => Update(ticket!, x.ArticleId, a => a with { Security = a.Security! with
                { Encryption = new SecurityStatusView("encrypted", $"Encrypted for {x.RecipientFingerprints.Count} key(s) with {x.Cipher}.") } }),
            ArticleSecurityFailed f => Update(ticket!, f.ArticleId, a => a with
            {
                Security = f.Operation == nameof(SecurityOperation.Sign)
                    ? a.Security! with { Signature = new SignatureStatusView("failed", f.Reason, null) }
                    : a.Security! with { Encryption = new SecurityStatusView("failed", f.Reason) },
                Delivery = new DeliveryView("notSent", f.Reason, 0, f.FailedAt),
            }),
            ArticleDelivered d => Update(ticket!, d.ArticleId, a => a with { Delivery = new DeliveryView("delivered", d.Reply, d.Attempts, d.DeliveredAt) }),
            ArticleDeliveryFailed d => Update(ticket!, d.ArticleId, a => a with { Delivery = new DeliveryView("failed", d.Reason, d.Attempts, d.FailedAt) }),
            _ => ticket,
        };
        return next is null ? null : next with
        {
            TicketVersion = e.Version,
            UpdatedAt = StoredPrecision(e.Timestamp),
            AwaitingKeys = next.Articles.Any(a => a.AwaitsKey),
        };
    }

    // PostgreSQL keeps microseconds: the live projection sees .NET's 100 ns clock, a replay reads the stored value back.
    // Truncating here makes both tell the same time (found by `audit replay`).
    private static DateTimeOffset StoredPrecision(DateTimeOffset time) => new(time.Ticks - time.Ticks % 10, time.Offset);

    private static ArticleView Composed(ArticleComposed c) => new(
        c.ArticleId, "outgoing", c.From, c.To, c.Cc, c.Subject, c.Body, c.Html, c.Attachments, c.ComposedAt,
        NoSecurity(c.Security.Type?.ToString()),
        new DeliveryView("pending", null, 0, null));

    private static ArticleView Received(ArticleReceived r) => new(
        r.ArticleId, "incoming", r.From.FirstOrDefault() ?? "", r.To, r.Cc, r.Subject, "", null, [], r.ReceivedAt, null, null);

    private static ArticleSecurityView NoSecurity(string? type) =>
        new(type, new SecurityStatusView("none", null), new SignatureStatusView("none", null, null));

    private static ArticleSecurityView Incoming(ArticleView article, MailSecuritySystem system) =>
        (article.Security ?? NoSecurity(null)) with { Type = system.ToString() };

    private static string DecryptedMessage(ArticleDecrypted x) =>
        string.Join(" ", [$"Encrypted for you ({x.Cipher}).", .. x.Warnings]);

    private static SignerView Signer(SecureMail.Domain.Inbound.Signer signer) => new(signer.Email, signer.Name, signer.Fingerprint);

    private static TicketDetails Update(TicketDetails ticket, Guid articleId, Func<ArticleView, ArticleView> change) =>
        ticket with { Articles = ticket.Articles.Select(a => a.Id == articleId ? change(a) : a).ToList() };
}
