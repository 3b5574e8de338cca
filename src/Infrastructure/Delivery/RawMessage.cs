using MimeKit;

namespace SecureMail.Infrastructure.Delivery;

/// <summary>Carries the composed bytes through MailKit, which only sends a <see cref="MimeMessage"/>.</summary>
/// <remarks>MimeKit writes back the raw bytes of every header and body part it parsed and did not
/// change, and <see cref="VerbatimSmtpClient"/> keeps MailKit from changing them, so a signature made
/// over the composed bytes still verifies at the far end. The one deliberate change on the wire: Bcc and
/// Resent-Bcc are left out (RFC 5322 §3.6.3), since every recipient gets the same bytes and MailKit 4
/// no longer drops them itself; no S/MIME or PGP/MIME signature covers the outer headers.</remarks>
internal static class RawMessage
{
    public static readonly FormatOptions Format = CreateFormat();

    public static MimeMessage Load(byte[] raw, CancellationToken cancellation)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return MimeMessage.Load(stream, cancellation);
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.HiddenHeaders.Add(HeaderId.Bcc);
        format.HiddenHeaders.Add(HeaderId.ResentBcc);
        return format;
    }
}
