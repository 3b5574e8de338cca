using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>A certificate or PGP key held for an address, as the keystore sees it at the moment of asking.</summary>
public sealed record KeyCandidate(
    MailSecuritySystem System,
    string Email,
    string Fingerprint,
    DateTimeOffset? ExpiresAt,
    bool Expired,
    bool HasPrivateKey,
    bool UsableForSigning,
    bool UsableForEncryption,
    string? Refusal = null)
{
    /// <summary>Several keys for one address: the usable one that lasts longest; an expired sibling never blocks.</summary>
    public static KeyCandidate? Best(IEnumerable<KeyCandidate> candidates, Func<KeyCandidate, bool> usable) =>
        candidates.Where(usable).OrderByDescending(c => c.ExpiresAt ?? DateTimeOffset.MaxValue).FirstOrDefault();
}
