using MimeKit;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Parsing of hostile MIME with bounded work: nesting deeper than <see cref="MaxDepth"/> is read as an
/// opaque part instead of recursing (rule 5: deep nesting must not crash ingestion).</summary>
internal static class InboundMime
{
    public const int MaxDepth = 32;

    private static readonly ParserOptions Options = CreateOptions();

    // Persistent: parts read their content from the caller's array instead of a copy of it (a 20 MB attachment was
    // held twice, issue 7 row 7). The stream is left open for them; it holds nothing but the array.
    public static MimeMessage Message(byte[] raw) => MimeMessage.Load(Options, new MemoryStream(raw, writable: false), persistent: true);

    public static MimeEntity Entity(byte[] raw) => MimeEntity.Load(Options, new MemoryStream(raw, writable: false), persistent: true);

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

    /// <summary>The decoded size, counted without keeping the decoded bytes.</summary>
    public static long DecodedLength(MimePart part)
    {
        using var counter = new CountingStream();
        part.Content?.DecodeTo(counter);
        return counter.Length;
    }

    public static bool Is(MimeEntity entity, string type, string subtype) =>
        entity.ContentType.IsMimeType(type, subtype);

    private static ParserOptions CreateOptions()
    {
        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = MaxDepth;
        return options;
    }

    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
