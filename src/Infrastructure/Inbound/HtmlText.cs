using System.Net;
using System.Text.RegularExpressions;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>A crude text version of an html body, for articles that have no text/plain part.</summary>
internal static partial class HtmlText
{
    public static string ToPlain(string html)
    {
        try
        {
            var text = Hidden().Replace(html, "");
            text = Breaks().Replace(text, "\n");
            text = Tags().Replace(text, "");
            text = WebUtility.HtmlDecode(text);
            return BlankLines().Replace(text, "\n\n").Trim();
        }
        catch (RegexMatchTimeoutException)
        {
            return "";
        }
    }

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<(br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+", RegexOptions.None, 1000)]
    private static partial Regex BlankLines();
}
