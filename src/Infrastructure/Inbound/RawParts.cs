using System.Text;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>The exact bytes of the body parts of a multipart entity, cut from the bytes it was parsed from. A
/// signature covers the first part as sent (RFC 1847 §2.1: from after its boundary line up to, not including, the
/// line break before the next boundary), so it is cut, not re-serialized; bare LF line ends become CRLF (RFC 3156 §5).</summary>
internal static class RawParts
{
    public static IReadOnlyList<byte[]>? Cut(byte[] entity, string boundary)
    {
        var text = Encoding.Latin1.GetString(entity);
        var body = BodyStart(text);
        if (body < 0 || string.IsNullOrEmpty(boundary))
            return null;

        var parts = new List<byte[]>();
        var start = -1;
        var lineStart = body;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var next = lineEnd < 0 ? text.Length : lineEnd + 1;
            var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
            if (line.StartsWith("--", StringComparison.Ordinal) && IsDelimiter(line[2..], boundary, out var closing))
            {
                if (start >= 0)
                    parts.Add(Crlf(text[start..LineBreakBefore(text, lineStart, start)]));
                if (closing)
                    return parts;
                start = next;
            }

            lineStart = next;
        }

        return null;
    }

    public static byte[] Crlf(byte[] data) => Crlf(Encoding.Latin1.GetString(data));

    private static byte[] Crlf(string text) =>
        Encoding.Latin1.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));

    // RFC 2046 §5.1.1: the delimiter may be followed by linear whitespace before the line break.
    private static bool IsDelimiter(string rest, string boundary, out bool closing)
    {
        closing = false;
        if (!rest.StartsWith(boundary, StringComparison.Ordinal))
            return false;
        var after = rest[boundary.Length..];
        if (after.StartsWith("--", StringComparison.Ordinal))
        {
            closing = true;
            after = after[2..];
        }

        return after.All(c => c is ' ' or '\t');
    }

    private static int LineBreakBefore(string text, int lineStart, int partStart)
    {
        var end = lineStart;
        if (end > partStart && text[end - 1] == '\n')
            end--;
        if (end > partStart && text[end - 1] == '\r')
            end--;
        return end;
    }

    private static int BodyStart(string text)
    {
        if (text.StartsWith("\r\n", StringComparison.Ordinal))
            return 2;
        if (text.StartsWith('\n'))
            return 1;
        var crlf = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lf = text.IndexOf("\n\n", StringComparison.Ordinal);
        return (crlf, lf) switch
        {
            ( < 0, < 0) => -1,
            ( >= 0, < 0) => crlf + 4,
            ( < 0, >= 0) => lf + 2,
            _ => crlf < lf ? crlf + 4 : lf + 2,
        };
    }
}
