using MimeKit;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Parsing of hostile MIME with bounded work: nesting deeper than <see cref="MaxDepth"/> is read as an
/// opaque part instead of recursing (rule 5: deep nesting must not crash ingestion).</summary>
internal static class InboundMime
{
    public const int MaxDepth = 32;

    private static readonly ParserOptions Options = CreateOptions();

    public static MimeMessage Message(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return MimeMessage.Load(Options, stream);
    }

    public static MimeEntity Entity(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return MimeEntity.Load(Options, stream);
    }

    public static HeaderList Headers(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return HeaderList.Load(Options, stream);
    }

    public static ParserOptions Parser => Options;

    /// <summary>The part's content with its transfer encoding (base64, quoted-printable) undone.</summary>
    public static byte[] Decoded(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }

    public static bool Is(MimeEntity entity, string type, string subtype) =>
        entity.ContentType.IsMimeType(type, subtype);

    private static ParserOptions CreateOptions()
    {
        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = MaxDepth;
        return options;
    }
}
