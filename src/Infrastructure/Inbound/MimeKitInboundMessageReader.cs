using MimeKit;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Infrastructure.Inbound.Pgp;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Reads incoming mail over MimeKit (structure) and BouncyCastle (cryptography). Only the root layer counts,
/// and directly inside it the other kind (sign-then-encrypt, or encrypt inside signed); nothing nested deeper is
/// decrypted or verified (docs/inbound-status.md#outermost-layer-only). Every problem with the content ends as facts
/// with a reason (docs/inbound-status.md#no-input-crashes-ingestion).</summary>
public sealed class MimeKitInboundMessageReader : IInboundMessageReader
{
    /// <summary>The message between the two steps: its root layer, what was decrypted, and the layer directly inside.</summary>
    private sealed class MimeOpening : InboundOpening
    {
        /// <summary>Set when the first step already knows everything (unreadable, over the budget, no layer).</summary>
        public InboundInspection? Finished { get; init; }
        public MimeMessage? Message { get; init; }
        public SecurityLayer? Root { get; init; }
        /// <summary>The encryption layer's result: the root's, or the one directly inside a signed root.</summary>
        public LayerResult? Decrypted { get; set; }
        public SecurityLayer? Inner { get; set; }
        public MimeOverBudget? Over { get; set; }
        public override SignerIds Signers => signers;
        private SignerIds signers = SignerIds.None;
        public void Name(SignerIds named) => signers = named;
    }

    public InboundEnvelope ReadEnvelope(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return EnvelopeReader.Read(raw);
    }

    public InboundOpening Open(byte[] raw, DecryptionKeys keys, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(keys);

        MimeMessage message;
        try
        {
            message = InboundMime.Message(raw, cancellation);
        }
        catch (MimeOverBudget over)
        {
            return new MimeOpening { Finished = UnreadContent.Of(over) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new MimeOpening { Finished = new InboundInspection(null, null, ContentReader.Empty) };
        }

        var root = ContentEntity.Layer(message.Body, raw);
        if (root is null)
            return new MimeOpening
            {
                Finished = new InboundInspection(null, null, Content(() => ContentReader.Read(message.Body, cancellation)))
                {
                    CarriedKeys = Carried(message, message.Body),
                },
            };

        var opening = new MimeOpening { Message = message, Root = root };
        try
        {
            if (root.Protects == Protection.Encryption)
            {
                var decrypted = LayerOpener.Decrypt(root, keys, cancellation);
                opening.Decrypted = decrypted;
                opening.Name(decrypted.SignedInside is { } signed ? PgpSigners.Of(signed.Signatures) : SignerIds.None);
                if (decrypted.Inside is MimePlaintext plaintext && decrypted.SignedInside is null && Inner(root, plaintext, cancellation) is { } inner)
                {
                    opening.Inner = inner;
                    opening.Name(LayerOpener.Read(inner, cancellation).Signers);
                }
            }
            else
            {
                var (signers, content) = LayerOpener.Read(root, cancellation);
                opening.Name(signers);
                if (content is not null && Inner(root, content, cancellation) is { } inner)
                {
                    opening.Inner = inner;
                    opening.Decrypted = LayerOpener.Decrypt(inner, keys, cancellation);
                }
            }
        }
        catch (MimeOverBudget over)
        {
            opening.Over = over;
        }
        return opening;
    }

    public InboundInspection Verify(InboundOpening opening, VerificationKeys keys, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (opening is not MimeOpening { Message: { } message, Root: { } root } opened)
            return (opening as MimeOpening)?.Finished ?? throw new ArgumentException("Not an opening of this reader.", nameof(opening));

        LayerResult result;
        if (root.Protects == Protection.Encryption)
        {
            result = opened.Decrypted!;
            if (result.SignedInside is { } signed)
                result = result with { Signature = PgpVerifier.Verify(signed.Signatures, signed.Literal, keys, cancellation) };
            else if (opened.Inner is { } inner && result.Inside is MimePlaintext plaintext)
                result = Merged(result, LayerOpener.Verify(inner, keys, cancellation), plaintext);
        }
        else
        {
            result = LayerOpener.Verify(root, keys, cancellation);
            if (opened.Inner is not null && opened.Decrypted is { } second && result.Inside is MimePlaintext plaintext)
                result = Merged(result, second, plaintext);
        }

        if (opened.Over is { } over)
            return UnreadContent.Inside(result, over);
        try
        {
            return Opened(message, root, result, cancellation);
        }
        catch (MimeOverBudget overInside)
        {
            return UnreadContent.Inside(result, overInside);
        }
    }

    private static LayerResult Merged(LayerResult outer, LayerResult inner, MimePlaintext plaintext) =>
        new(outer.Decryption ?? inner.Decryption, outer.Signature ?? inner.Signature, inner.Inside ?? (inner.Decryption is null ? plaintext : null));

    private static InboundInspection Opened(MimeMessage message, SecurityLayer root, LayerResult result, CancellationToken cancellation)
    {
        // Unencrypted, the content is read where a download finds it again in the raw message; decrypted, from the
        // plaintext, which is kept (sealed) when it has attachments to download.
        var decrypted = result.Inside is MimePlaintext mime && result.Decryption is { Code: null } ? mime.Bytes : null;
        var entity = result.Inside switch
        {
            InlinePlaintext => null,
            _ when decrypted is not null => ContentEntity.Parse(decrypted, cancellation),
            _ when result.Decryption is not null => null,
            _ => Safely(() => ContentEntity.Unencrypted(message, root, cancellation), null),
        };
        var content = result.Inside switch
        {
            InlinePlaintext inline => new InboundContent(inline.Text, null, []),
            _ when decrypted is not null => Decrypted(decrypted, entity, cancellation),
            _ => Content(() => ContentReader.Read(entity, cancellation)),
        };
        return new InboundInspection(result.Decryption, result.Signature, content) { CarriedKeys = Carried(message, entity) };
    }

    /// <summary>Directly inside the root layer, only the other kind counts, and only once.</summary>
    private static SecurityLayer? Inner(SecurityLayer root, MimePlaintext plaintext, CancellationToken cancellation)
    {
        var inner = ContentEntity.Layer(ContentEntity.Parse(plaintext.Bytes, cancellation), plaintext.Bytes);
        return inner is not null && inner.Protects != root.Protects ? inner : null;
    }

    private static InboundContent Decrypted(byte[] plaintext, MimeEntity? entity, CancellationToken cancellation)
    {
        var content = Content(() => ContentReader.Read(entity, cancellation));
        return content.Attachments.Count == 0 ? content : content with { Plaintext = plaintext };
    }

    private static InboundContent Content(Func<InboundContent> read) => Safely(read, ContentReader.Empty);

    private static IReadOnlyList<CarriedKey> Carried(MimeMessage message, MimeEntity? entity) => Safely(() => CarriedPgpKeys.Read(message, entity), []);

    // Over the budget or out of time is not the same as unreadable: those go up to be reported as what they are.
    private static T Safely<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (MimeOverBudget or OperationCanceledException))
        {
            return fallback;
        }
    }
}
