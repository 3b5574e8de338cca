using MimeKit;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Counts the entities and nesting of MIME data with MimeKit's event reader, which builds no entity, so that
/// data over the budget is refused before MimeKit builds its whole tree (a hundred thousand parts fit in a 25 MB
/// message). It reads one level deeper than the parser is allowed to, so nesting the parser would cut off is seen.</summary>
internal sealed class MimeShape : MimeReader
{
    private static readonly ParserOptions Deeper = DeeperOptions();

    private int parts;
    private int depth;
    private ContentType? root;

    private MimeShape(Stream stream) : base(Deeper, stream)
    {
    }

    /// <exception cref="MimeOverBudget">More than <see cref="InboundBudget.MaxParts"/> entities, or nested deeper than
    /// <see cref="InboundBudget.MaxDepth"/> levels.</exception>
    public static void Check(byte[] bytes, bool message, CancellationToken cancellation)
    {
        var shape = new MimeShape(new MemoryStream(bytes, writable: false));
        try
        {
            if (message)
                shape.ReadMessage(cancellation);
            else
                shape.ReadEntity(cancellation);
        }
        catch (Exception e) when (e is not (MimeOverBudget or OperationCanceledException))
        {
            // Not MIME the reader can follow: the parser decides what it makes of it, within the parts counted so far.
        }
    }

    protected override void OnMultipartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) =>
        Enter(contentType);

    protected override void OnMultipartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset,
        int lines, CancellationToken cancellationToken) => depth--;

    protected override void OnMessagePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) =>
        Enter(contentType);

    protected override void OnMessagePartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset,
        int lines, CancellationToken cancellationToken) => depth--;

    protected override void OnMimePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Count(contentType);
    }

    private void Enter(ContentType contentType)
    {
        Count(contentType);
        if (++depth > InboundBudget.MaxDepth)
            throw new MimeOverBudget($"The message nests MIME parts more than {InboundBudget.MaxDepth} levels deep", root);
    }

    private void Count(ContentType contentType)
    {
        root ??= contentType;
        if (++parts > InboundBudget.MaxParts)
            throw new MimeOverBudget($"The message holds more than {InboundBudget.MaxParts} MIME parts", root);
    }

    private static ParserOptions DeeperOptions()
    {
        var options = InboundMime.Parser.Clone();
        options.MaxMimeDepth = InboundBudget.MaxDepth + 1;
        return options;
    }
}

/// <summary>MIME data over <see cref="InboundBudget"/>: it is not parsed, and its content is not shown.</summary>
/// <param name="root">The Content-Type of the data's root entity: the security layer it claims.</param>
internal sealed class MimeOverBudget(string excess, ContentType? root) : OverBudget(excess)
{
    public ContentType? Root { get; } = root;
}
