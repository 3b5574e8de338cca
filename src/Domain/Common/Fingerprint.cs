namespace SecureMail.Domain.Common;

/// <summary>A certificate's or PGP key's fingerprint as the service compares it: hex digits only, uppercase. Clients
/// paste fingerprints with spaces or colons and in either case; stored facts keep the form their reader wrote, so
/// compare through this type, never through the strings.</summary>
public readonly record struct Fingerprint
{
    private Fingerprint(string hex) => Hex = hex;

    public string Hex { get; }

    /// <summary>Null when the text holds no hex digit at all.</summary>
    public static Fingerprint? Parse(string? text)
    {
        var hex = new string((text ?? "").Where(char.IsAsciiHexDigit).ToArray()).ToUpperInvariant();
        return hex.Length == 0 ? null : new Fingerprint(hex);
    }

    public static Fingerprint Of(string stored) => Parse(stored) ?? throw new ArgumentException("A fingerprint has hex digits.", nameof(stored));

    public bool Matches(string? stored) => Parse(stored) is { } other && other.Hex == Hex;

    public bool StartsWith(string prefix) => Parse(prefix) is { } start && Hex.StartsWith(start.Hex, StringComparison.Ordinal);

    public override string ToString() => Hex ?? "";
}
