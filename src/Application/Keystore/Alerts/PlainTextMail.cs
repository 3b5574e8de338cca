using System.Globalization;
using System.Text;

namespace SecureMail.Application.Keystore.Alerts;

/// <summary>A plain-text notice from the service itself (RFC 5322), not an article: no signature, no ticket. The body is
/// base64 so that names in any script pass any relay; the subject is ASCII.</summary>
public static class PlainTextMail
{
    public static byte[] Write(string from, IReadOnlyList<string> to, string subject, string body, Guid id, DateTimeOffset date)
    {
        var domain = from[(from.LastIndexOf('@') + 1)..];
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\r\n")));
        var text = new StringBuilder()
            .Append($"From: {from}\r\n")
            .Append($"To: {string.Join(", ", to)}\r\n")
            .Append($"Subject: {subject}\r\n")
            .Append($"Date: {date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} +0000\r\n")
            .Append($"Message-ID: <{id:N}@{domain}>\r\n")
            // RFC 3834 §5: out-of-office responders do not answer it.
            .Append("Auto-Submitted: auto-generated\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n");
        foreach (var line in base64.Chunk(76))
            text.Append(line).Append("\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
