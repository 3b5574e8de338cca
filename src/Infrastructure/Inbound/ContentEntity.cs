using MimeKit;
using Org.BouncyCastle.Cms;
using SecureMail.Infrastructure.Inbound.Smime;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Where an article's content entity is when no private key is needed to reach it: under a root signature
/// layer, the signed entity (multipart/signed: its first part as sent; opaque signed-data: the encapsulated content),
/// found without verifying, since the signature's status is reported apart; with no layer, the message body. Under a
/// root encryption layer there is none: only decryption opens it.</summary>
internal static class ContentEntity
{
    /// <summary>For a download: the stored raw message, read again.</summary>
    public static MimeEntity? Unencrypted(byte[] raw)
    {
        var message = InboundMime.Message(raw);
        return Unencrypted(message, Layer(message.Body, raw));
    }

    /// <param name="root">The security layer of the message body (null: none).</param>
    /// <exception cref="MimeOverBudget">The signed content holds too many parts or nests them too deep.</exception>
    public static MimeEntity? Unencrypted(MimeMessage message, SecurityLayer? root, CancellationToken cancellation = default) => root switch
    {
        DetachedSigned signed => Parse(signed.Content, cancellation),
        SmimeOpaqueSigned opaque => Encapsulated(opaque.Cms) is { } content ? Parse(content, cancellation) : message.Body,
        { Protects: Protection.Encryption } => null,
        _ => message.Body,
    };

    /// <summary>The security layer of <paramref name="entity"/>, parsed from <paramref name="bytes"/>; null when none or unreadable.</summary>
    public static SecurityLayer? Layer(MimeEntity? entity, byte[] bytes)
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

    /// <summary>Null when the bytes are not MIME.</summary>
    /// <exception cref="MimeOverBudget">They are, with too many parts or nested too deep: not the same as none.</exception>
    public static MimeEntity? Parse(byte[] bytes, CancellationToken cancellation = default)
    {
        try
        {
            return InboundMime.Entity(bytes, cancellation);
        }
        catch (Exception e) when (e is not (MimeOverBudget or OperationCanceledException))
        {
            return null;
        }
    }

    private static byte[]? Encapsulated(byte[] cms)
    {
        try
        {
            return CmsLayers.Encapsulated(new CmsSignedData(cms));
        }
        catch (Exception)
        {
            return null;
        }
    }
}
