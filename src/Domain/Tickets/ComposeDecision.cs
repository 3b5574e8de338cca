using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>What the agent asked for: the article, and a system (null: none) with sign/encrypt (null: the group's default).</summary>
/// <param name="TicketId">null opens a new ticket; otherwise a reply on it.</param>
/// <param name="ExpectedVersion">For a reply: the ticket version the agent saw (409 when stale).</param>
/// <param name="AttachPublicKey">Attach the group's public PGP key (application/pgp-keys), whatever the system.</param>
public sealed record ComposeIntent(Guid? TicketId, long? ExpectedVersion, ArticleDraft Draft, MailSecuritySystem? System, bool? Sign, bool? Encrypt,
    string Actor, bool AttachPublicKey = false);

/// <summary>Everything the compose decision reads, loaded before it.</summary>
/// <param name="Ticket">The ticket replied on; null for a new ticket, or when there is none with the id asked.</param>
/// <param name="Group">The ticket's group (a reply) or the group named (a new ticket); null when there is none.</param>
/// <param name="Keys">The keys of the system asked for, held for each recipient and the group's address.</param>
/// <param name="GroupPgpKey">The group's public PGP key, loaded only when the agent asked to attach it.</param>
public sealed record ComposeFacts(Ticket? Ticket, Group? Group, SecureMailing Settings, KeysByAddress Keys, PgpKeyFacts? GroupPgpKey = null);

/// <summary>The article to build and send: its recorded form, the headers that are not recorded, and the keys to use.</summary>
/// <param name="References">Message-IDs of every earlier article, oldest first (RFC 5322 §3.6.4).</param>
/// <param name="AttachedPublicKey">The group's public PGP key, to go with the attachments.</param>
public sealed record OutgoingArticle(ArticleComposed Article, string FromName, IReadOnlyList<string> References, SecurityPlan Security,
    PgpKeyFacts? AttachedPublicKey = null);

/// <summary>What the composer did: the attachments as listed from the body it built (with the ids a download finds
/// them by), and the algorithms and (sub)key it used.</summary>
public sealed record ProtectionApplied(IReadOnlyList<AttachmentInfo> Attachments, string? Digest, string? Cipher, string? SignerKeyFingerprint);

/// <summary>Compose as a pure decision: the events that record the article and what to send, or why nothing is.</summary>
public static class ComposeDecision
{
    public static Decision<OutgoingArticle> Decide(ComposeIntent intent, ComposeFacts facts, Guid newTicketId, Guid articleId, DateTimeOffset now)
    {
        if (intent.TicketId is { } id && facts.Ticket is null)
            return ComposeMessages.Refusal(RejectionKind.NotFound, ComposeCode.TicketUnknown, ComposeMessages.NoTicket(id));
        var ticket = facts.Ticket;
        var draft = ticket is null ? intent.Draft : intent.Draft with { Group = ticket.Group, Customer = ticket.Customer };
        if (facts.Group is not { } group)
            return ComposeMessages.Refusal(RejectionKind.Invalid, ComposeCode.GroupUnknown, ComposeMessages.NoGroup(draft.Group));
        if (intent.AttachPublicKey && facts.GroupPgpKey is null)
            return ComposeMessages.Refusal(RejectionKind.Invalid, ComposeCode.PublicKeyMissing, ComposeMessages.PublicKeyMissing(group.EmailAddress),
                [EmailAddress.Of(group.EmailAddress).Value]);

        var plan = SecurityPlan.Decide(intent.System, intent.Sign, intent.Encrypt, facts.Settings, group,
            EncryptionRecipients.Of(draft.To, draft.Cc), facts.Keys);
        if (plan.Rejection is { } refused)
            return refused;
        var messageId = $"{articleId:N}@{EmailAddress.Of(group.EmailAddress).Domain}";
        var article = Composing.Compose(ticket, ticket?.Id ?? newTicketId, articleId, messageId, group.EmailAddress, draft, plan.Value!.Requested,
            intent.Actor, now, intent.ExpectedVersion);
        if (article.Rejection is { } rejected)
            return rejected;

        var composed = article.Events.OfType<ArticleComposed>().Single();
        var references = ticket?.Articles.Select(a => a.MessageId).ToList() ?? [];
        return Decision<OutgoingArticle>.Accept(new OutgoingArticle(composed, group.Name, references, plan.Value,
            intent.AttachPublicKey ? facts.GroupPgpKey : null), [.. article.Events]);
    }

    /// <summary>The events to append once the message is built: those decided, the article with its attachments as
    /// built, and what signed and encrypted it.</summary>
    public static IReadOnlyList<object> Record(Decision<OutgoingArticle> decided, ProtectionApplied applied)
    {
        var (composed, _, _, plan, _) = decided.Value!;
        var events = decided.Events.Select(e => ReferenceEquals(e, composed) ? composed with { Attachments = applied.Attachments } : e).ToList();
        if (plan.Requested.Type is not { } system)
            return events;
        if (plan.Signer is { } signer)
            events.Add(new ArticleSigned(composed.TicketId, composed.ArticleId, system, signer.Fingerprint, applied.SignerKeyFingerprint ?? signer.Fingerprint,
                signer.Email, signer.Material?.Holder ?? signer.Email, applied.Digest ?? "unknown", composed.ComposedAt, composed.ComposedBy));
        if (plan.Recipients.Count > 0)
            events.Add(new ArticleEncrypted(composed.TicketId, composed.ArticleId, system, plan.Recipients.Select(r => r.Fingerprint).ToList(),
                applied.Cipher ?? "unknown", composed.ComposedAt, composed.ComposedBy));
        return events;
    }
}
