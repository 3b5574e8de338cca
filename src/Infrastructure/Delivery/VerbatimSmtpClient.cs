using MailKit.Net.Smtp;
using MimeKit;

namespace SecureMail.Infrastructure.Delivery;

/// <summary>An SMTP client that sends the composed bytes as they are.</summary>
/// <remarks>MailKit normally lets MimeKit pick a "better" transfer encoding for every 7bit or 8bit part
/// before sending: a part with a line starting "From " or with trailing blanks becomes quoted-printable.
/// Parts inside multipart/signed are spared, but the rest of the message still changes under the
/// composer's feet (and under any digest taken of it). Only a relay without 8BITMIME (RFC 6152) truly
/// needs re-encoding, and there MimeKit still leaves signed parts alone.</remarks>
internal sealed class VerbatimSmtpClient : SmtpClient
{
    protected override void Prepare(FormatOptions options, MimeMessage message, EncodingConstraint constraint, int maxLineLength)
    {
        if (constraint == EncodingConstraint.SevenBit)
            base.Prepare(options, message, constraint, maxLineLength);
    }
}
