namespace SecureMail.Domain.Keystore.Expiry;

/// <summary>When a key's coming expiry becomes something an admin must hear about.</summary>
public static class KeyExpiry
{
    public const int DefaultWarningDays = 30;

    /// <summary>A group whose own key ends within this many days can soon neither sign nor decrypt: the service is degraded,
    /// and the alert is critical. A week leaves time to order and import a certificate.</summary>
    public const int CriticalDays = 7;

    /// <summary>The days before expiry at which the admins' digest mail names a group key, each once.</summary>
    public static readonly IReadOnlyList<int> DigestThresholds = [30, 7, 1];

    public static bool HasExpired(DateTimeOffset expiresAt, DateTimeOffset now) => expiresAt <= now;

    public static bool EndsWithin(DateTimeOffset? expiresAt, int days, DateTimeOffset now) =>
        expiresAt is { } at && at <= now.AddDays(days);

    /// <summary>The smallest threshold the key has passed, or null while it has passed none. A key that passed several
    /// since the last check (imported with five days left) is named once, at the tightest: the earlier warnings are moot.
    /// An expired key has passed them all.</summary>
    public static int? TightestThresholdPassed(DateTimeOffset expiresAt, DateTimeOffset now) =>
        DigestThresholds.Where(days => EndsWithin(expiresAt, days, now)).Select(days => (int?)days).Min();
}
