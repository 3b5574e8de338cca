namespace SecureMail.Infrastructure.Keystore.Pgp;

/// <summary>The e-mail address of a user ID: the part in angle brackets ("Name &lt;a@b&gt;"), or the whole
/// user ID when it is a bare address, lowercased.</summary>
internal static class PgpUserIdEmail
{
    public static string? Of(string userId)
    {
        var open = userId.LastIndexOf('<');
        var close = userId.LastIndexOf('>');
        var candidate = open >= 0 && close > open ? userId[(open + 1)..close] : userId;
        candidate = candidate.Trim();
        return LooksLikeAddress(candidate) ? candidate.ToLowerInvariant() : null;
    }

    private static bool LooksLikeAddress(string candidate)
    {
        var at = candidate.IndexOf('@');
        return at > 0
            && at == candidate.LastIndexOf('@')
            && at < candidate.Length - 1
            && !candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',');
    }
}
