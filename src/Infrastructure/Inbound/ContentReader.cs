using MimeKit;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Tickets;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>The one walk over an article's content entity, for listing and for download alike: the first text/plain
/// and the first text/html that are not attachments are the body; every other part is an attachment (a forwarded
/// message/rfc822 is one attachment, not opened). An attachment's id is its section number (RFC 3501 §6.4.5): the parts
/// of a multipart are 1, 2, ...; the parts of part 2 are 2.1, 2.2, ...; an entity that is not a multipart is part 1.
/// Bounded: a walk with its own stack over at most <see cref="InboundBudget.MaxParts"/> entities.</summary>
internal static class ContentReader
{
    public static readonly InboundContent Empty = new("", null, []);

    public static InboundContent Read(MimeEntity? root, CancellationToken cancellation = default)
    {
        string? body = null, html = null;
        var attachments = new List<AttachmentInfo>();
        foreach (var part in Walk(root))
        {
            cancellation.ThrowIfCancellationRequested();
            if (part.IsBody && part.Entity is TextPart text)
            {
                if (text.IsPlain)
                    body = text.Text;
                else
                    html = text.Text;
            }
            else
            {
                attachments.Add(Describe(part));
            }
        }

        return new InboundContent(body ?? (html is null ? "" : HtmlText.ToPlain(html)), html, attachments);
    }

    /// <summary>The attachment listed under <paramref name="id"/>, found by the same walk that listed it.</summary>
    public static MimeEntity? Find(MimeEntity? root, string id) =>
        Walk(root).FirstOrDefault(part => !part.IsBody && part.Section == id)?.Entity;

    /// <summary>An attachment's bytes as sent: the transfer encoding undone; a forwarded message as it was written.</summary>
    public static byte[] Content(MimeEntity attachment) => attachment switch
    {
        MimePart part => InboundMime.Decoded(part),
        MessagePart message => Written(message),
        _ => [],
    };

    private sealed record Part(string Section, MimeEntity Entity, bool IsBody, bool InRelated);

    private static IEnumerable<Part> Walk(MimeEntity? root)
    {
        if (root is null)
            yield break;

        bool plainSeen = false, htmlSeen = false;
        var pending = new Stack<(MimeEntity Entity, string Section, bool InRelated)>([(root, root is Multipart ? "" : "1", false)]);
        for (var seen = 0; pending.Count > 0 && seen < InboundBudget.MaxParts; seen++)
        {
            var (entity, section, inRelated) = pending.Pop();
            if (entity is Multipart multipart)
            {
                var related = InboundMime.Is(multipart, "multipart", "related");
                for (var index = multipart.Count - 1; index >= 0; index--)
                    pending.Push((multipart[index], section.Length == 0 ? $"{index + 1}" : $"{section}.{index + 1}", related));
                continue;
            }
            if (entity is not (MimePart or MessagePart))
                continue;

            var isBody = entity is TextPart { IsAttachment: false, FileName: null } text
                && ((text.IsPlain && !plainSeen) || (text.IsHtml && !htmlSeen));
            if (isBody)
            {
                plainSeen |= ((TextPart)entity).IsPlain;
                htmlSeen |= ((TextPart)entity).IsHtml;
            }
            yield return new Part(section, entity, isBody, inRelated);
        }
    }

    private static AttachmentInfo Describe(Part part)
    {
        var entity = part.Entity;
        var inline = string.Equals(entity.ContentDisposition?.Disposition, ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase)
            || (part.InRelated && entity.ContentId is not null);
        return entity is MessagePart message
            ? new AttachmentInfo(Name(message, "forwarded.eml"), "message/rfc822", Written(message).LongLength, part.Section, message.ContentId, inline)
            : new AttachmentInfo(Name(entity, "attachment"), entity.ContentType.MimeType, InboundMime.DecodedLength((MimePart)entity),
                part.Section, entity.ContentId, inline);
    }

    private static string Name(MimeEntity entity, string fallback) =>
        entity.ContentDisposition?.FileName ?? entity.ContentType.Name ?? fallback;

    private static byte[] Written(MessagePart part)
    {
        using var buffer = new MemoryStream();
        part.Message?.WriteTo(buffer);
        return buffer.ToArray();
    }
}
