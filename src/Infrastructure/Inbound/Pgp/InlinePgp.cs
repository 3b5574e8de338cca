using System.Text;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>A text/plain body counts as inline PGP only when the whole body is one PGP block with nothing but
/// whitespace around it: text before or after a block would be shown as if it were covered
/// (docs/inbound-status.md#outermost-layer-only).</summary>
internal static class InlinePgp
{
    private const string BeginSigned = "-----BEGIN PGP SIGNED MESSAGE-----";
    private const string EndSignature = "-----END PGP SIGNATURE-----";
    private const string BeginMessage = "-----BEGIN PGP MESSAGE-----";
    private const string EndMessage = "-----END PGP MESSAGE-----";

    public static SecurityLayer? Of(byte[] body, string? charset)
    {
        var text = Encoding.Latin1.GetString(body).Trim();
        if (text.StartsWith(BeginSigned, StringComparison.Ordinal) && text.EndsWith(EndSignature, StringComparison.Ordinal))
            return new PgpClearSigned(body, charset);
        if (!text.StartsWith(BeginMessage, StringComparison.Ordinal) || !text.EndsWith(EndMessage, StringComparison.Ordinal)
            || Count(text, "-----BEGIN PGP") != 1 || Count(text, "-----END PGP") != 1)
            return null;

        var packets = PgpArmor.Decode(Encoding.Latin1.GetBytes(text));
        if (packets is null)
            return new MalformedLayer(Protection.Encryption, MailSecuritySystem.PGP, SecurityCode.Corrupt, PgpArmor.Unreadable);
        return new PgpMessage(PgpArmor.IsEncrypted(packets) ? Protection.Encryption : Protection.Signature, packets, Inline: true);
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
