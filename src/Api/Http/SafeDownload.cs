using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace SecureMail.Api.Http;

/// <summary>A file that came in a mail, served so that hostile content cannot run in our origin: always saved, never
/// shown (Content-Disposition: attachment), never sniffed into another type (nosniff), sandboxed should a browser
/// render it anyway (CSP sandbox: no scripts, an opaque origin), and not kept in caches.</summary>
public static partial class SafeDownload
{
    public const string OctetStream = "application/octet-stream";

    public static IResult File(HttpContext context, byte[] content, string fileName, string contentType)
    {
        // RFC 6266 §4.3: filename* (RFC 5987, UTF-8 percent-encoded) for clients that read it, filename= with non-ASCII
        // and control characters replaced by '_' for those that do not.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName(fileName));
        var headers = context.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox";
        headers.CacheControl = "no-store";
        return Results.Bytes(content, ContentType(contentType));
    }

    /// <summary>A file name is data. Path separators would name directories to a client that saves under it; control
    /// characters could end the header line; bidi overrides and other invisible format characters make
    /// "invoice\u202Efdp.exe" look like "invoiceexe.pdf". Each becomes '_', so that the change shows.</summary>
    public static string FileName(string name)
    {
        var cleaned = string.Concat(name.Select(c => c is '/' or '\\' || Invisible(c) ? '_' : c)).Trim();
        return cleaned.Length == 0 ? "attachment" : cleaned;
    }

    /// <summary>The part's type when it is a well-formed type/subtype (RFC 6838 §4.2) that a browser would not run or
    /// render as a document; HTML, XML (SVG, XHTML, XSLT can all carry script) and script types are served as bytes.
    /// A page that fetches an attachment and opens it as a blob would otherwise run it in our origin, where neither the
    /// disposition nor the CSP of this response applies.</summary>
    public static string ContentType(string declared)
    {
        var type = declared.Trim().ToLowerInvariant();
        return WellFormed().IsMatch(type) && !Active(type) ? type : OctetStream;
    }

    private static bool Active(string type) =>
        type is "text/html" or "text/xml" or "text/xsl" or "application/xml" or "application/xslt+xml"
        || type.EndsWith("+xml", StringComparison.Ordinal)
        || type.Contains("javascript", StringComparison.Ordinal) || type.Contains("ecmascript", StringComparison.Ordinal)
        || type.StartsWith("multipart/", StringComparison.Ordinal);

    private static bool Invisible(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    [GeneratedRegex("^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$")]
    private static partial Regex WellFormed();
}
