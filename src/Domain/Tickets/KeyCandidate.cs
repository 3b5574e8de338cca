using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>A certificate or PGP key held for an address, as the keystore sees it at the moment of asking.</summary>
/// <param name="Refusal">Why the key, usable otherwise, is not encrypted to: the whole sentence users see.</param>
/// <param name="Weakness">What the key policy finds too weak in it (<see cref="Keystore.KeyWeakness.Description"/>); such a
/// key is usable for nothing.</param>
public sealed record KeyCandidate(
    MailSecuritySystem System,
    string Email,
    string Fingerprint,
    DateTimeOffset? ExpiresAt,
    bool Expired,
    bool HasPrivateKey,
    bool UsableForSigning,
    bool UsableForEncryption,
    string? Refusal = null,
    string? Weakness = null)
{
    /// <summary>Several keys for one address: the usable one that lasts longest; an expired sibling never blocks.</summary>
    public static KeyCandidate? Best(IEnumerable<KeyCandidate> candidates, Func<KeyCandidate, bool> usable) =>
        candidates.Where(usable).OrderByDescending(c => c.ExpiresAt ?? DateTimeOffset.MaxValue).FirstOrDefault();
}
