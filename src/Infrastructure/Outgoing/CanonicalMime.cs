using MimeKit;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>MIME written as it goes on the wire: CRLF line ends (RFC 5322 §2.1), which is also the canonical form
/// that signatures cover (RFC 1847 §2.1, RFC 3156 §5, RFC 8551 §3.1.1).</summary>
internal static class CanonicalMime
{
    private static readonly FormatOptions Wire = CreateOptions();

    public static byte[] Bytes(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(Wire, buffer);
        return buffer.ToArray();
    }

    public static byte[] Bytes(MimeEntity entity)
    {
        using var buffer = new MemoryStream();
        entity.WriteTo(Wire, buffer);
        return buffer.ToArray();
    }

    /// <summary>Seven-bit transfer encodings everywhere, so that no relay re-encodes (and breaks) a signed part.</summary>
    public static void Prepare(MimeEntity entity) => entity.Prepare(EncodingConstraint.SevenBit, 78);

    private static FormatOptions CreateOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
