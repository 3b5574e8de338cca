using System.Text;
using System.Text.RegularExpressions;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <param name="Text">The block as written, for readers that need its headers (Proc-Type, DEK-Info).</param>
internal sealed record PemBlock(string Label, string Text);

/// <summary>Finds PEM blocks in text that may hold anything else around them (RFC 7468 §2).</summary>
internal static partial class PemBlocks
{
    public static bool LookLikePem(byte[] data) =>
        data.AsSpan().IndexOf("-----BEGIN "u8) >= 0;

    public static IReadOnlyList<PemBlock> Find(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        return BlockPattern().Matches(text)
            .Select(match => new PemBlock(match.Groups["label"].Value, match.Value))
            .ToList();
    }

    /// <summary>The base64 body of a block without headers, decoded.</summary>
    public static byte[] Content(PemBlock block)
    {
        var lines = block.Text.Split('\n').Select(line => line.Trim()).ToList();
        var body = lines.Skip(1).Take(lines.Count - 2).Where(line => !line.Contains(':'));
        return Convert.FromBase64String(string.Concat(body));
    }

    [GeneratedRegex(@"-----BEGIN (?<label>[A-Z0-9 ]+)-----.*?-----END \k<label>-----", RegexOptions.Singleline, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BlockPattern();
}
