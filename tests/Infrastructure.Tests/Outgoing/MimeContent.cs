using MimeKit;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>What a reader sees in a MIME entity once its protection is removed: the text and the attachments.</summary>
internal sealed record MimeContent(string? Text, string? Html, IReadOnlyList<(string FileName, string ContentType, byte[] Content)> Attachments)
{
    public static MimeContent Read(byte[] entity) => Read(MimeEntity.Load(new MemoryStream(entity)));

    public static MimeContent Read(MimeEntity entity)
    {
        var parts = Leaves(entity).ToList();
        var texts = parts.OfType<TextPart>().Where(p => !p.IsAttachment).ToList();
        return new MimeContent(
            Normalized(texts.FirstOrDefault(p => p.IsPlain)?.Text),
            Normalized(texts.FirstOrDefault(p => p.IsHtml)?.Text),
            parts.OfType<MimePart>().Where(p => p.IsAttachment).Select(p => (p.FileName ?? "", p.ContentType.MimeType, Decoded(p))).ToList());
    }

    private static IEnumerable<MimeEntity> Leaves(MimeEntity entity) =>
        entity is Multipart multipart ? multipart.SelectMany(Leaves) : [entity];

    private static byte[] Decoded(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }

    private static string? Normalized(string? text) => text?.Replace("\r\n", "\n");
}
