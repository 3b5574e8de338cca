using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Keystore.Collected;

/// <summary>Where a key arrived in a message: the article an admin can open to judge it.</summary>
public sealed record KeyOrigin(Guid TicketId, Guid ArticleId);

/// <summary>A message carried a key the keystore does not hold. It is a candidate for an admin's review, never a trusted
/// key: it changes no verdict until an admin imports it.</summary>
/// <param name="Source">How it came: cms-signer (the certificate of a signature that verified), pgp-keys (an
/// application/pgp-keys part) or autocrypt (the Autocrypt header of the sender).</param>
public sealed record KeyCollectedFromMail(
    Guid CollectedKeyId,
    MailSecuritySystem System,
    string Source,
    CertificateFacts? Certificate,
    PgpKeyFacts? PgpKey,
    KeyOrigin Origin,
    string CollectedBy,
    DateTimeOffset CollectedAt);

/// <summary>An admin imported the candidate into the keystore (the keystore's own import event names the article too).</summary>
public sealed record CollectedKeyImported(Guid CollectedKeyId, string Fingerprint, KeyOrigin? Origin, string ImportedBy, DateTimeOffset ImportedAt);

/// <param name="Reason">dismissed (by an admin), superseded (newer candidates for the same address), expired (nobody imported it in time).</param>
public sealed record CollectedKeyDismissed(Guid CollectedKeyId, string Fingerprint, string Reason, string DismissedBy, DateTimeOffset DismissedAt);
