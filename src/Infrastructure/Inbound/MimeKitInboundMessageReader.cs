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
    public InboundEnvelope ReadEnvelope(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return EnvelopeReader.Read(raw);
    }

    public async Task<InboundInspection> InspectAsync(byte[] raw, IInboundKeyring keyring, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(keyring);

        MimeMessage message;
        try
        {
            message = InboundMime.Message(raw, cancellation);
        }
        catch (MimeOverBudget over)
        {
            return UnreadContent.Of(over);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new InboundInspection(null, null, ContentReader.Empty);
        }

        var root = ContentEntity.Layer(message.Body, raw);
        if (root is null)
            return new InboundInspection(null, null, Content(() => ContentReader.Read(message.Body, cancellation)))
            {
                CarriedKeys = Carried(message, message.Body),
            };

        var result = await LayerOpener.OpenAsync(root, keyring, cancellation);
        try
        {
            if (result.Inside is MimePlaintext plaintext && Inner(root, result, plaintext, cancellation) is { } inner)
            {
                var second = await LayerOpener.OpenAsync(inner, keyring, cancellation);
                result = new LayerResult(result.Decryption ?? second.Decryption, result.Signature ?? second.Signature,
                    second.Inside ?? (second.Decryption is null ? plaintext : null));
            }
            return Opened(message, root, result, cancellation);
        }
        catch (MimeOverBudget over)
        {
            return UnreadContent.Inside(result, over);
        }
    }

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
    private static SecurityLayer? Inner(SecurityLayer root, LayerResult opened, MimePlaintext plaintext, CancellationToken cancellation)
    {
        if (root.Protects == Protection.Encryption && opened.Signature is not null)
            return null;
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
