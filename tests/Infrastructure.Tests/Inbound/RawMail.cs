using System.Text;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>Hand-made messages for shapes no tool produces on purpose.</summary>
internal static class RawMail
{
    public const string Headers = "From: Alice <alice@example.com>\r\nTo: support@example.com\r\nSubject: Printer\r\nMIME-Version: 1.0\r\n";

    /// <summary>Joins lines with CRLF.</summary>
    public static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>A whole message (with headers) as the body of a multipart/mixed, after a text part.</summary>
    public static byte[] WrappedInMixed(byte[] message, string innerType = "")
    {
        var text = Encoding.Latin1.GetString(message);
        return Encoding.Latin1.GetBytes(Headers + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            + "--outer\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n"
            + $"--outer\r\n{innerType}{Body(text)}\r\n--outer--\r\n");
    }

    /// <summary>The content headers and body of a message, without From/To/Subject (a MIME entity).</summary>
    public static string Body(string message)
    {
        var end = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var separator = end >= 0 ? "\r\n\r\n" : "\n\n";
        end = end >= 0 ? end : message.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = message[..end].Replace("\r\n", "\n").Split('\n')
            .Where(h => h.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || h.StartsWith(' ') || h.StartsWith('\t'));
        return string.Join("\r\n", headers) + separator + message[(end + separator.Length)..];
    }

    public static string Base64(byte[] data) =>
        string.Join("\r\n", Convert.ToBase64String(data).Chunk(76).Select(c => new string(c)));
}
