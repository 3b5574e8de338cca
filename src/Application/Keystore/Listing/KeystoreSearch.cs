using SecureMail.Domain.Common;

namespace SecureMail.Application.Keystore.Listing;

/// <summary>The search box of every keystore list: <c>q</c> matches a name (part of a certificate's subject or a PGP user
/// ID, any case), an address (whole), a domain (every address at it: "example.com" or "@example.com"), or the start of a
/// fingerprint (any case, colons and spaces allowed). Keystore entries and candidates share the JSON shape it reads
/// (fingerprint, emails, certificate.subject, pgpKey.userIds).</summary>
public sealed record KeystoreSearch(string Text)
{
    public static KeystoreSearch? From(string? q) => string.IsNullOrWhiteSpace(q) ? null : new KeystoreSearch(q.Trim());

    private string Address => Text.ToLowerInvariant();

    private string Domain => Text.TrimStart('@').ToLowerInvariant();

    /// <summary>Only text made of hex digits (and the separators people paste) is read as a fingerprint: "Alice" holds the
    /// hex digits A, c, e and would otherwise find every fingerprint that starts with ACE.</summary>
    private string? FingerprintPrefix =>
        Text.All(c => char.IsAsciiHexDigit(c) || c is ':' or ' ') ? Fingerprint.Parse(Text)?.Hex : null;

    /// <summary>For Marten's <c>MatchesSql</c>.</summary>
    public (string Sql, object[] Parameters) Sql()
    {
        var like = $"%{Escape(Text)}%";
        return ("(upper(data ->> 'fingerprint') like ? " +
                "or exists (select 1 from jsonb_array_elements_text(coalesce(data -> 'emails', '[]')) as listed(address) where listed.address = ? or listed.address like ?) " +
                "or data -> 'certificate' ->> 'subject' ilike ? " +
                "or exists (select 1 from jsonb_array_elements_text(coalesce(data -> 'pgpKey' -> 'userIds', '[]')) as named(user_id) where named.user_id ilike ?))",
            [FingerprintPrefix is { } hex ? $"{hex}%" : "", Address, $"%@{Escape(Domain)}", like, like]);
    }

    /// <summary>The same search over values in memory (the keystore of a past moment is replayed, not queried).</summary>
    public bool Matches(string fingerprint, IReadOnlyList<string> emails, string? subject, IReadOnlyList<string>? userIds) =>
        (FingerprintPrefix is { } hex && Fingerprint.Of(fingerprint).Hex.StartsWith(hex, StringComparison.Ordinal))
        || emails.Any(e => e == Address || e.EndsWith($"@{Domain}", StringComparison.Ordinal))
        || (subject?.Contains(Text, StringComparison.OrdinalIgnoreCase) ?? false)
        || (userIds?.Any(id => id.Contains(Text, StringComparison.OrdinalIgnoreCase)) ?? false);

    private static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
