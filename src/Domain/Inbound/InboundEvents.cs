using SecureMail.Domain.Common;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Domain.Inbound;

/// <summary>A message arrived and its raw bytes were stored (under the article id) before anything else happened.</summary>
public sealed record ArticleReceived(
    Guid TicketId,
    Guid ArticleId,
    string? MessageId,
    IReadOnlyList<string> From,
    string? FromName,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> DeliveredTo,
    string Subject,
    DateTimeOffset? Date,
    string? InReplyTo,
    long Size,
    string ReceivedBy,
    DateTimeOffset ReceivedAt);

// The security process runs in the background, whoever asked for it: the events it records are the system's, and events
// recorded before they named an actor read so.

/// <summary>The text and attachments read from the message: its plaintext when it was decrypted.</summary>
public sealed record ArticleContentExtracted(Guid TicketId, Guid ArticleId, string Body, string? Html, IReadOnlyList<AttachmentInfo> Attachments,
    DateTimeOffset ExtractedAt, string ExtractedBy = Actors.System);

public sealed record ArticleDecrypted(Guid TicketId, Guid ArticleId, MailSecuritySystem System, string KeyFingerprint, string Cipher,
    IReadOnlyList<string> Warnings, DateTimeOffset DecryptedAt, string DecryptedBy = Actors.System);

/// <param name="Reason">A stable code (no-private-key, no-integrity, corrupt, unsupported, malformed).</param>
public sealed record DecryptionFailed(Guid TicketId, Guid ArticleId, MailSecuritySystem System, string Reason, string Message, DateTimeOffset FailedAt,
    string FailedBy = Actors.System);

public sealed record Signer(string Email, string Name, string Fingerprint);

/// <param name="Warnings">What the verification could not be sure of, e.g. a revocation list past its next update.</param>
public sealed record SignatureVerified(Guid TicketId, Guid ArticleId, MailSecuritySystem System, Signer Signer, string Digest, DateTimeOffset VerifiedAt,
    IReadOnlyList<string>? Warnings = null, string VerifiedBy = Actors.System);

/// <param name="Signer">Recorded when known, even though the signature is not valid.</param>
public sealed record SignatureVerificationFailed(Guid TicketId, Guid ArticleId, MailSecuritySystem System, string Reason, string Message,
    Signer? Signer, DateTimeOffset FailedAt, string FailedBy = Actors.System);

/// <summary>The message carried no security layer at its root; nested layers do not count
/// (docs/inbound-status.md#outermost-layer-only).</summary>
public sealed record ArticleSecurityChecked(Guid TicketId, Guid ArticleId, DateTimeOffset CheckedAt, string CheckedBy = Actors.System);

/// <param name="Trigger">Null when someone asked for the retry; else what started it on its own (a key import, named).</param>
public sealed record SecurityProcessRetried(Guid TicketId, Guid ArticleId, string RetriedBy, DateTimeOffset RetriedAt, string? Trigger = null);

/// <summary>The security process gave up on the article without a verdict: it ran out of its time limit, or it never
/// finished in its bounded attempts. Nothing of the message is vouched for: encryption and signature both read "not checked".</summary>
/// <param name="Reason">timed-out or attempts-exhausted.</param>
/// <param name="Attempts">Which attempt this was (runs that a database outage or a write conflict broke off do not count).</param>
public sealed record SecurityProcessAbandoned(Guid TicketId, Guid ArticleId, string Reason, string Message, int Attempts, DateTimeOffset AbandonedAt,
    string AbandonedBy = Actors.System);
