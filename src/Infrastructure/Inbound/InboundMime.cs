using MimeKit;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Parsing of hostile MIME with bounded work: data over the budget's parts or nesting is refused before it is
/// parsed (<see cref="MimeShape"/>), and the parser itself never nests deeper than the budget allows: deep nesting
/// must not crash ingestion (docs/inbound-status.md#no-input-crashes-ingestion).</summary>
internal static class InboundMime
{
    private static readonly ParserOptions Options = CreateOptions();

    // Persistent: parts read their content from the caller's array instead of a copy of it (a 20 MB attachment was
    // held twice: ADR 17). The stream is left open for them; it holds nothing but the array.
    /// <exception cref="MimeOverBudget">Too many parts or too deep.</exception>
    public static MimeMessage Message(byte[] raw, CancellationToken cancellation = default)
    {
        MimeShape.Check(raw, message: true, cancellation);
        return MimeMessage.Load(Options, new MemoryStream(raw, writable: false), persistent: true, cancellation);
    }

    /// <exception cref="MimeOverBudget">Too many parts or too deep.</exception>
    public static MimeEntity Entity(byte[] raw, CancellationToken cancellation = default)
    {
        MimeShape.Check(raw, message: false, cancellation);
        return MimeEntity.Load(Options, new MemoryStream(raw, writable: false), persistent: true, cancellation);
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
        options.MaxMimeDepth = InboundBudget.MaxDepth;
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
