namespace SecureMail.TestKit.Gnupg;

/// <summary>The machine-readable status lines gpg and gpgsm write ("[GNUPG:] KEYWORD field ...", doc/DETAILS in
/// GnuPG): what a mail client behind GPGME acts on.</summary>
public sealed class GnupgStatus(string text)
{
    public string Text { get; } = text;

    /// <summary>The fields after the keyword of the first line with this keyword, e.g. VALIDSIG; null when there is none.</summary>
    public string[]? Line(string keyword) => Lines(keyword).FirstOrDefault();

    public IEnumerable<string[]> Lines(string keyword) =>
        Text.Split('\n').Select(l => l.TrimEnd('\r').Split(' ')).Where(f => f.Length > 1 && f[0] == "[GNUPG:]" && f[1] == keyword).Select(f => f[2..]);

    public override string ToString() => Text;
}
