using JasperFx.Events;
using Marten.Events.Aggregation;
using SecureMail.Domain.Common;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Details;

public sealed class TicketDetailsProjection : SingleStreamProjection<TicketDetails, Guid>
{
    /// <summary>Every event the view shows, each once with how it shows it.</summary>
    private static readonly Evolution<TicketDetails> Steps = new Evolution<TicketDetails>()
        .Create<TicketOpened>(o => new TicketDetails { Id = o.TicketId, Group = o.Group, Customer = o.Customer, Subject = o.Subject, OpenedAt = o.OpenedAt })
        .On<ArticleComposed>((ticket, c) => ticket with { Articles = [.. ticket.Articles, Composed(c)], MessageIds = [.. ticket.MessageIds, c.MessageId] })
        .On<ArticleReceived>((ticket, r) => ticket with
        {
            Articles = [.. ticket.Articles, Received(r)],
            MessageIds = r.MessageId is null ? ticket.MessageIds : [.. ticket.MessageIds, r.MessageId],
        })
        .On<ArticleContentExtracted>((ticket, x) => Update(ticket, x.ArticleId, a => a with { Body = x.Body, Html = x.Html, Attachments = x.Attachments }))
        .On<ArticleSecurityChecked>((ticket, x) => Update(ticket, x.ArticleId, a => a with { Security = NoSecurity(null) }))
        .On<SecurityProcessRetried>((ticket, x) => Update(ticket, x.ArticleId, a => a with { Security = null }))
        .On<SecurityProcessAbandoned>((ticket, x) => Update(ticket, x.ArticleId, a => a with
        {
            Security = new ArticleSecurityView(null, new SecurityStatusView(EncryptionStatus.Failed, x.Message, SecurityCodes.Parse(x.Reason)),
                new SignatureStatusView(SignatureStatus.Invalid, x.Message, null, SecurityCodes.Parse(x.Reason))),
        }))
        .On<ArticleDecrypted>((ticket, x) => Update(ticket, x.ArticleId, a => a with
            { Security = Incoming(a, x.System) with { Encryption = new SecurityStatusView(EncryptionStatus.Decrypted, DecryptedMessage(x)) } }))
        .On<DecryptionFailed>((ticket, x) => Update(ticket, x.ArticleId, a => a with
            { Security = Incoming(a, x.System) with { Encryption = new SecurityStatusView(EncryptionStatus.Failed, x.Message, SecurityCodes.Parse(x.Reason)) } }))
        .On<SignatureVerified>((ticket, x) => Update(ticket, x.ArticleId, a => a with
        {
            Security = Incoming(a, x.System) with
            {
                Signature = new SignatureStatusView(SignatureStatus.Valid, string.Join(" ", ["Signature successfully verified.", .. x.Warnings ?? []]),
                    Signer(x.Signer)),
            },
        }))
        .On<SignatureVerificationFailed>((ticket, x) => Update(ticket, x.ArticleId, a => a with
        {
            Security = Incoming(a, x.System) with
            {
                Signature = new SignatureStatusView(SignatureStatus.Invalid, x.Message, x.Signer is null ? null : Signer(x.Signer), SecurityCodes.Parse(x.Reason)),
            },
        }))
        .On<ArticleSigned>((ticket, s) => Update(ticket, s.ArticleId, a => a with
        {
            Security = a.Security! with
            {
                Signature = new SignatureStatusView(SignatureStatus.Signed, null, new SignerView(s.SignerEmail, s.SignerName, s.SignerFingerprint)),
            },
        }))
        .On<ArticleEncrypted>((ticket, x) => Update(ticket, x.ArticleId, a => a with
        {
            Security = a.Security! with
            {
                Encryption = new SecurityStatusView(EncryptionStatus.Encrypted, $"Encrypted for {x.RecipientFingerprints.Count} key(s) with {x.Cipher}."),
            },
        }))
        .On<ArticleSecurityFailed>((ticket, f) => Update(ticket, f.ArticleId, a => a with
        {
            Security = f.Operation == nameof(SecurityOperation.Sign)
                ? a.Security! with { Signature = new SignatureStatusView(SignatureStatus.Failed, f.Reason, null) }
                : a.Security! with { Encryption = new SecurityStatusView(EncryptionStatus.Failed, f.Reason) },
            Delivery = new DeliveryView(DeliveryStatus.NotSent, f.Reason, 0, f.FailedAt),
        }))
        .On<ArticleDelivered>((ticket, d) => Update(ticket, d.ArticleId, a => a with
            { Delivery = new DeliveryView(DeliveryStatus.Delivered, d.Reply, d.Attempts, d.DeliveredAt) }))
        .On<ArticleDeliveryFailed>((ticket, d) => Update(ticket, d.ArticleId, a => a with
            { Delivery = new DeliveryView(DeliveryStatus.Failed, d.Reason, d.Attempts, d.FailedAt) }));

    public TicketDetailsProjection()
    {
        // A rebuild (ADR 17) reads bigger pages, keeps tickets in memory between them and writes each ticket
        // once per flush instead of once per page. Inline use (every append) is unaffected.
        Options.BatchSize = 5000;
        Options.CacheLimitPerTenant = 20_000;
        Options.RebuildFlushThreshold = 5000;
        foreach (var type in Steps.EventTypes)
            IncludeType(type);
    }

    public override TicketDetails? Evolve(TicketDetails? ticket, Guid id, IEvent e)
    {
        var next = Steps.Evolve(ticket, e.Data, e.Version);
        return next is null ? null : next with
        {
            Id = id,
            TicketVersion = e.Version,
            UpdatedAt = StoredPrecision(e.Timestamp),
            AwaitingKeys = next.Articles.Any(a => a.AwaitsKey),
        };
    }

    // PostgreSQL keeps microseconds: the live projection sees .NET's 100 ns clock, a replay reads the stored value back.
    // Truncating here makes both tell the same time (found by `audit replay`).
    private static DateTimeOffset StoredPrecision(DateTimeOffset time) => new(time.Ticks - time.Ticks % 10, time.Offset);

    private static ArticleView Composed(ArticleComposed c) => new(
        c.ArticleId, ArticleDirection.Outgoing, c.From, c.To, c.Cc, c.Subject, c.Body, c.Html, c.Attachments, c.ComposedAt,
        NoSecurity(c.Security.Type?.ToString()),
        new DeliveryView(DeliveryStatus.Pending, null, 0, null));

    private static ArticleView Received(ArticleReceived r) => new(
        r.ArticleId, ArticleDirection.Incoming, r.From.FirstOrDefault() ?? "", r.To, r.Cc, r.Subject, "", null, [], r.ReceivedAt, null, null);

    private static ArticleSecurityView NoSecurity(string? type) =>
        new(type, new SecurityStatusView(EncryptionStatus.None, null), new SignatureStatusView(SignatureStatus.None, null, null));

    private static ArticleSecurityView Incoming(ArticleView article, MailSecuritySystem system) =>
        (article.Security ?? NoSecurity(null)) with { Type = system.ToString() };

    private static string DecryptedMessage(ArticleDecrypted x) =>
        string.Join(" ", [$"Encrypted for you ({x.Cipher}).", .. x.Warnings]);

    private static SignerView Signer(Signer signer) => new(signer.Email, signer.Name, signer.Fingerprint);

    private static TicketDetails Update(TicketDetails ticket, Guid articleId, Func<ArticleView, ArticleView> change) =>
        ticket with { Articles = ticket.Articles.Select(a => a.Id == articleId ? change(a) : a).ToList() };
}
