namespace SecureMail.Domain.Common;

/// <summary>A mail domain as an admin names it (the part after the @ of an address), lowercased.</summary>
public static class DomainName
{
    /// <summary>Null unless the text is a DNS name of at least two labels: a key that stands for "com" or "localhost"
    /// would answer for far more addresses than anyone meant.</summary>
    public static string? Parse(string? text)
    {
        var name = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name) || name.Length > 253 || name.StartsWith('@') || !name.Contains('.'))
            return null;
        return Uri.CheckHostName(name) == UriHostNameType.Dns && name.Split('.').All(l => l.Length is > 0 and <= 63) ? name : null;
    }
}
