namespace SecureMail.Domain.Keystore.Expiry;

/// <summary>The admins' digest named a group key that passed an expiry threshold. Recorded on a stream derived from the
/// key and the threshold (<see cref="KeystoreIds.ForExpiryWarning"/>), in the same transaction that queues the digest
/// mail, so that of several nodes checking at once only one sends it.</summary>
/// <param name="System">"SMIME" or "PGP".</param>
/// <param name="ThresholdDays">30, 7 or 1 (<see cref="KeyExpiry.DigestThresholds"/>).</param>
/// <param name="Groups">The names of the groups whose address the key serves.</param>
public sealed record KeyExpiryWarningSent(
    Guid WarningId,
    string System,
    string Fingerprint,
    int ThresholdDays,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Recipients,
    string SentBy,
    DateTimeOffset SentAt);
