namespace SecureMail.Domain.Keystore.Pgp;

/// <summary>Whether a PGP key can sign or encrypt now, chosen by key flags (RFC 9580 §5.2.3.29),
/// never by algorithm alone. A key the key policy calls weak is never usable, though it may have been imported before
/// the policy.</summary>
public static class PgpKeyUsability
{
    public static bool IsExpired(PgpKeyFacts k, DateTimeOffset now) => k.ExpiresAt is { } at && now >= at;

    public static bool CanSign(PgpKeyFacts k, bool hasSecretKey, DateTimeOffset now) =>
        hasSecretKey && IsLive(k, now) && HasUsable(k, now, "sign");

    public static bool CanEncrypt(PgpKeyFacts k, DateTimeOffset now) =>
        IsLive(k, now) && HasUsable(k, now, "encryptCommunications", "encryptStorage");

    private static bool IsLive(PgpKeyFacts k, DateTimeOffset now) => !k.Revoked && !IsExpired(k, now) && KeyPolicy.Of(k, now) is null;

    private static bool HasUsable(PgpKeyFacts k, DateTimeOffset now, params string[] flags) =>
        flags.Any(k.KeyFlags.Contains) ||
        k.Subkeys.Any(s => !s.Revoked && (s.ExpiresAt is null || now < s.ExpiresAt) && flags.Any(s.KeyFlags.Contains));
}
