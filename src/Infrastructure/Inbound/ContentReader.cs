using MimeKit;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>The article content of an entity: the first text/plain and text/html that are not attachments, and every
/// other part as an attachment (a forwarded message/rfc822 is one attachment, not opened). Bounded: a walk with its
/// own stack over at most <see cref="MaxParts"/> entities.</summary>
internal static class ContentReader
{
    public const int MaxParts = 1000;

    public static readonly InboundContent Empty = new("", null, []);

    public static InboundContent Read(MimeEntity? root)
    {
        if (root is null)
            return Empty;

        string? body = null, html = null;
        var attachments = new List<InboundAttachment>();
        var pending = new Stack<MimeEntity>([root]);
        for (var seen = 0; pending.Count > 0 && seen < MaxParts; seen++)
        {
            switch (pending.Pop())
            {
                case Multipart multipart:
                    foreach (var child in multipart.Reverse())
                        pending.Push(child);
                    break;
                case TextPart { IsAttachment: false, FileName: null } text when text.IsPlain || text.IsHtml:
                    if (text.IsPlain)
                        body ??= text.Text;
                    else
                        html ??= text.Text;
                    break;
                case MessagePart message:
                    attachments.Add(new InboundAttachment(Name(message, "forwarded.eml"), "message/rfc822", Size(message)));
                    break;
                case MimePart part:
                    attachments.Add(new InboundAttachment(Name(part, "attachment"), part.ContentType.MimeType, InboundMime.DecodedLength(part)));
                    break;
            }
        }

        return new InboundContent(body ?? (html is null ? "" : HtmlText.ToPlain(html)), html, attachments);
    }

    private static string Name(MimeEntity entity, string fallback) =>
        entity.ContentDisposition?.FileName ?? entity.ContentType.Name ?? fallback;

    private static long Size(MessagePart part)
    {
        using var buffer = new MemoryStream();
        part.Message?.WriteTo(buffer);
        return buffer.Length;
    }
}
