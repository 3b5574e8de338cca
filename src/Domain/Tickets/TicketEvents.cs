using SecureMail.Domain.Common;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

public sealed record TicketOpened(Guid TicketId, string Group, string Customer, string Subject, string OpenedBy, DateTimeOffset OpenedAt);

/// <summary>One attachment of an article, as listed and as downloaded. The members after Size came later: events
/// stored before them read with the defaults (no id: such an attachment cannot be downloaded until its article is
/// processed again).</summary>
/// <param name="Id">The part's section number inside the article's content entity (IMAP style, RFC 3501 §6.4.5: "2", "1.2").</param>
/// <param name="ContentId">Without angle brackets: what an HTML body's cid: URLs name.</param>
/// <param name="Inline">Meant to be shown inside the body: Content-Disposition inline, or a Content-ID part of multipart/related.</param>
public sealed record AttachmentInfo(string FileName, string ContentType, long Size, string Id = "", string? ContentId = null, bool Inline = false);

/// <summary>What the agent asked for: a system (null: none) and sign/encrypt as resolved from the request and the group's defaults.</summary>
public sealed record RequestedSecurity(MailSecuritySystem? Type, bool Sign, bool Encrypt)
{
    public static readonly RequestedSecurity None = new(null, false, false);
}

/// <summary>An agent wrote an article. Body and recipients are the ticket's content; attachments are named and
/// sized here, their bytes live in the stored raw message.</summary>
public sealed record ArticleComposed(
    Guid TicketId,
    Guid ArticleId,
    string MessageId,
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string Body,
    string? Html,
    IReadOnlyList<AttachmentInfo> Attachments,
    RequestedSecurity Security,
    string? InReplyTo,
    string ComposedBy,
    DateTimeOffset ComposedAt);

/// <param name="SignerName">Certificate subject or PGP user ID.</param>
/// <param name="SignerKeyFingerprint">The (sub)key that made the signature; for S/MIME the certificate's.</param>
/// <param name="SignedBy">The agent who composed the article; null in events recorded before the actor was.</param>
public sealed record ArticleSigned(
    Guid TicketId,
    Guid ArticleId,
    MailSecuritySystem System,
    string SignerFingerprint,
    string SignerKeyFingerprint,
    string SignerEmail,
    string SignerName,
    string Digest,
    DateTimeOffset SignedAt,
    string? SignedBy = null);

/// <param name="RecipientFingerprints">Every certificate/key the content was encrypted to, the group's own included.</param>
/// <param name="EncryptedBy">The agent who composed the article; null in events recorded before the actor was.</param>
public sealed record ArticleEncrypted(
    Guid TicketId,
    Guid ArticleId,
    MailSecuritySystem System,
    IReadOnlyList<string> RecipientFingerprints,
    string Cipher,
    DateTimeOffset EncryptedAt,
    string? EncryptedBy = null);

/// <summary>A key that the options found usable could not be used when sending; nothing was sent. No longer recorded:
/// such a compose is now refused as a whole and appends nothing (ADR 26). Kept so that streams recorded before still read.</summary>
public sealed record ArticleSecurityFailed(
    Guid TicketId,
    Guid ArticleId,
    MailSecuritySystem System,
    string Operation,
    string Reason,
    DateTimeOffset FailedAt);

/// <summary>Delivery runs in the background: its outcomes are the system's, and events recorded before the actor read so.</summary>
/// <param name="Reply">The next hop's answer (SMTP final reply, or the pickup file written).</param>
public sealed record ArticleDelivered(Guid TicketId, Guid ArticleId, string Reply, int Attempts, DateTimeOffset DeliveredAt, string DeliveredBy = Actors.System);

public sealed record ArticleDeliveryFailed(Guid TicketId, Guid ArticleId, string Reason, int Attempts, DateTimeOffset FailedAt, string FailedBy = Actors.System);
