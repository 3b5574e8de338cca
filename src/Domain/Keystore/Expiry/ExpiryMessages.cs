namespace SecureMail.Domain.Keystore.Expiry;

/// <summary>The sentences admins read about keys that end: in the keystore's alerts, on /health and in the digest mail.</summary>
public static class ExpiryMessages
{
    /// <param name="system">"S/MIME" or "PGP".</param>
    /// <param name="groups">The group names, and the address they send from.</param>
    public static string GroupKey(string system, IReadOnlyList<string> groups, string address, DateTimeOffset expiresAt, DateTimeOffset now) =>
        KeyExpiry.HasExpired(expiresAt, now)
            ? $"The {system} key of {Groups(groups)} ({address}) expired on {expiresAt:u}: its mail can no longer be signed. {Renew(system)}"
            : $"The {system} key of {Groups(groups)} ({address}) expires on {expiresAt:u}. {Renew(system)}";

    public static string Certificate(string subject, IReadOnlyList<string> emails, DateTimeOffset expiresAt) =>
        $"The certificate {subject}{Addresses(emails)} expires on {expiresAt:u}.";

    public static string PgpKey(string userId, DateTimeOffset expiresAt) => $"The PGP key {userId} expires on {expiresAt:u}.";

    /// <summary>What a CRL past its nextUpdate cannot tell: for the alert here, and for a signature it was used to check.</summary>
    public static string CrlOutOfDate(string issuer, DateTimeOffset nextUpdate) =>
        $"The certificate revocation list of {issuer} is out of date since {nextUpdate:u}: a revocation since then would not show.";

    public static string StaleCrl(string issuer, DateTimeOffset nextUpdate) => $"{CrlOutOfDate(issuer, nextUpdate)} Import the CA's newer CRL.";

    public const string DigestSubject = "Keys of your helpdesk expire soon";

    public static string Digest(IReadOnlyList<string> lines) =>
        "These keys of your helpdesk's groups expire soon or have expired:\n\n" +
        string.Concat(lines.Select(line => $"- {line}\n")) +
        "\nEach key is named once at 30, 7 and 1 days before it ends. The keystore's alerts list all of them.\n";

    private static string Renew(string system) => system == "PGP"
        ? "Import its renewed secret key, or a new one, with the group's address."
        : "Import a renewed certificate with its private key for the group's address.";

    private static string Groups(IReadOnlyList<string> groups) =>
        groups.Count == 1 ? $"the group {groups[0]}" : $"the groups {string.Join(", ", groups)}";

    private static string Addresses(IReadOnlyList<string> emails) => emails.Count == 0 ? "" : $" ({string.Join(", ", emails)})";
}
