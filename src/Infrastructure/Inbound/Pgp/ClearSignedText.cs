using System.Text;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>The parts of a clear-signed message (RFC 4880 §7): the text as signed, the text to show, and the armored
/// signature. MimeKit has no API for this.</summary>
/// <param name="Signed">Dash-escaping undone, trailing spaces and tabs removed from every line, lines joined with
/// CRLF, no line break after the last line (§7.1).</param>
internal sealed record ClearSignedText(byte[] Signed, byte[] Shown, byte[] ArmoredSignature)
{
    private const string Begin = "-----BEGIN PGP SIGNED MESSAGE-----";
    private const string BeginSignature = "-----BEGIN PGP SIGNATURE-----";
    private const string EndSignature = "-----END PGP SIGNATURE-----";

    /// <summary>Null when the block is not a well-formed clear-signed message.</summary>
    public static ClearSignedText? Parse(byte[] body)
    {
        // Latin-1 maps bytes one to one, so the signed bytes stay exactly as sent whatever the charset.
        var lines = Encoding.Latin1.GetString(body).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.FindIndex(l => l.Trim().Length > 0);
        if (at < 0 || lines[at].TrimEnd() != Begin)
            return null;

        // Armor headers ("Hash: SHA256") up to the empty line.
        for (at++; at < lines.Count && lines[at].Trim().Length > 0; at++)
        {
            if (!lines[at].Contains(": ", StringComparison.Ordinal))
                return null;
        }

        var text = new List<string>();
        for (at++; at < lines.Count && lines[at].TrimEnd() != BeginSignature; at++)
        {
            var line = lines[at];
            if (line.StartsWith("- ", StringComparison.Ordinal))
                text.Add(line[2..]);
            else if (line.StartsWith('-'))
                return null;
            else
                text.Add(line);
        }

        var end = at < lines.Count ? lines.FindIndex(at, l => l.TrimEnd() == EndSignature) : -1;
        if (end < 0 || lines.Skip(end + 1).Any(l => l.Trim().Length > 0))
            return null;

        var signed = string.Join("\r\n", text.Select(l => l.TrimEnd(' ', '\t')));
        var armored = string.Join("\n", lines.Skip(at).Take(end - at + 1)) + "\n";
        return new ClearSignedText(Encoding.Latin1.GetBytes(signed), Encoding.Latin1.GetBytes(string.Join("\n", text)),
            Encoding.Latin1.GetBytes(armored));
    }
}
