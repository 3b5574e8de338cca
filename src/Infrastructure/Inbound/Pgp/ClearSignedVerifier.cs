using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using System.Text;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>Verifies a whole inline clear-signed block; the text shown is the text that was signed, dash-escaping undone.</summary>
internal static class ClearSignedVerifier
{
    public static LayerResult Verify(PgpClearSigned layer, VerificationKeys keys, CancellationToken cancellation)
    {
        var parsed = ClearSignedText.Parse(layer.Text);
        if (parsed is null)
            return Failures.Failed(layer, SecurityCode.Malformed, "The clear-signed message is not well-formed (RFC 4880 §7).");

        var facts = PgpVerifier.Signatures(parsed.ArmoredSignature, parsed.Signed, keys, cancellation);
        return new LayerResult(null, facts, new InlinePlaintext(Text(parsed.Shown, layer.Charset)));
    }

    private static string Text(byte[] shown, string? charset)
    {
        try
        {
            return Encoding.GetEncoding(charset ?? "utf-8").GetString(shown);
        }
        catch (Exception)
        {
            return Encoding.UTF8.GetString(shown);
        }
    }
}
