using System.Text;
using System.Text.RegularExpressions;

namespace SecureMail.TestKit.Outgoing;

/// <summary>Cuts a raw MIME entity into its exact bytes, as a verifier must (RFC 1847 §2.1: the signed part is
/// everything between its boundary line and the CRLF before the next one). Latin-1 maps bytes 1:1 to chars.</summary>
public static class RawMime
{
    public static string HeaderBlock(byte[] entity) => Text(entity)[..HeaderEnd(Text(entity))];

    public static byte[] Body(byte[] entity)
    {
        var text = Text(entity);
        return Bytes(text[(HeaderEnd(text) + 4)..]);
    }

    /// <summary>The body parts of a multipart entity, each with its own headers, byte for byte.</summary>
    public static IReadOnlyList<byte[]> Parts(byte[] entity)
    {
        var boundary = Boundary(Header(entity, "Content-Type") ?? "") ?? throw new FormatException("The entity is not multipart.");
        var body = "\r\n" + Text(Body(entity));
        var delimiter = "\r\n--" + boundary;
        var parts = new List<byte[]>();
        var start = -1;
        for (var at = body.IndexOf(delimiter, StringComparison.Ordinal); at >= 0; at = body.IndexOf(delimiter, at + 1, StringComparison.Ordinal))
        {
            if (start >= 0)
                parts.Add(Bytes(body[start..at]));
            var lineEnd = body.IndexOf("\r\n", at + delimiter.Length, StringComparison.Ordinal);
            if (body.AsSpan(at + delimiter.Length).StartsWith("--") || lineEnd < 0)
                return parts;
            start = lineEnd + 2;
        }

        throw new FormatException("The multipart has no closing boundary.");
    }

    /// <summary>The unfolded value of a header, or null.</summary>
    public static string? Header(byte[] entity, string name)
    {
        var unfolded = Regex.Replace(HeaderBlock(entity), @"\r\n[ \t]+", " ");
        return unfolded.Split("\r\n").Select(l => l.Split(':', 2))
            .FirstOrDefault(f => f.Length == 2 && f[0].Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();
    }

    /// <summary>True when every line ends in CRLF: no bare LF and no bare CR.</summary>
    public static bool HasOnlyCrlfLineEnds(byte[] data) =>
        !Enumerable.Range(0, data.Length).Any(i =>
            (data[i] == '\n' && (i == 0 || data[i - 1] != '\r')) || (data[i] == '\r' && (i + 1 == data.Length || data[i + 1] != '\n')));

    private static string? Boundary(string contentType)
    {
        var match = Regex.Match(contentType, "boundary=(\"(?<b>[^\"]+)\"|(?<b>[^;\\s]+))", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["b"].Value : null;
    }

    private static int HeaderEnd(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end >= 0 ? end : throw new FormatException("No end of headers (CRLF CRLF).");
    }

    private static string Text(byte[] data) => Encoding.Latin1.GetString(data);

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);
}
