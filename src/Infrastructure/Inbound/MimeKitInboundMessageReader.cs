using MimeKit;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Infrastructure.Inbound.Pgp;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Reads incoming mail over MimeKit (structure) and BouncyCastle (cryptography). Only the root layer counts,
/// and directly inside it the other kind (sign-then-encrypt, or encrypt inside signed); nothing nested deeper is
/// decrypted or verified (rule 1). Every problem with the content ends as facts with a reason (rule 5).</summary>
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
            message = InboundMime.Message(raw);
        }
        catch (Exception)
        {
            return new InboundInspection(null, null, ContentReader.Empty);
        }

        var root = Classify(message.Body, raw);
        if (root is null)
            return new InboundInspection(null, null, Content(() => ContentReader.Read(message.Body)))
            {
                CarriedKeys = Carried(message, message.Body),
            };

        var result = await LayerOpener.OpenAsync(root, keyring, cancellation);
        if (result.Inside is MimePlaintext plaintext && Inner(root, result, plaintext) is { } inner)
        {
            var second = await LayerOpener.OpenAsync(inner, keyring, cancellation);
            result = new LayerResult(result.Decryption ?? second.Decryption, result.Signature ?? second.Signature,
                second.Inside ?? (second.Decryption is null ? plaintext : null));
        }

        var entity = result.Inside switch
        {
            MimePlaintext mime => Parse(mime.Bytes),
            InlinePlaintext => null,
            _ when result.Decryption is not null => null,
            _ => message.Body,
        };
        var content = result.Inside is InlinePlaintext inline
            ? new InboundContent(inline.Text, null, [])
            : Content(() => ContentReader.Read(entity));
        return new InboundInspection(result.Decryption, result.Signature, content) { CarriedKeys = Carried(message, entity) };
    }

    /// <summary>Directly inside the root layer, only the other kind counts, and only once.</summary>
    private static SecurityLayer? Inner(SecurityLayer root, LayerResult opened, MimePlaintext plaintext)
    {
        if (root.Protects == Protection.Encryption && opened.Signature is not null)
            return null;
        var entity = Parse(plaintext.Bytes);
        var inner = entity is null ? null : Classify(entity, plaintext.Bytes);
        return inner is not null && inner.Protects != root.Protects ? inner : null;
    }

    private static SecurityLayer? Classify(MimeEntity? entity, byte[] bytes)
    {
        try
        {
            return entity is null ? null : SecurityLayers.Of(entity, bytes);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static MimeEntity? Parse(byte[] bytes)
    {
        try
        {
            return InboundMime.Entity(bytes);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static InboundContent Content(Func<InboundContent> read) => Safely(read, ContentReader.Empty);

    private static IReadOnlyList<CarriedKey> Carried(MimeMessage message, MimeEntity? entity) => Safely(() => CarriedPgpKeys.Read(message, entity), []);

    private static T Safely<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception)
        {
            return fallback;
        }
    }
}
