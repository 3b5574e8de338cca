namespace SecureMail.Application.Keystore.Alerts;

/// <summary>Keystore:ExpiryDigestRecipients (comma-separated; none: no digest), Keystore:ExpiryDigestFrom (default the
/// first recipient), Keystore:ExpiryCheckMinutes (default 60).</summary>
public sealed record DigestOptions(IReadOnlyList<string> Recipients, string From, TimeSpan CheckEvery)
{
    public static readonly TimeSpan DefaultCheckEvery = TimeSpan.FromMinutes(60);
}
