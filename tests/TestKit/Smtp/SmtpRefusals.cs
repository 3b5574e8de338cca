using System.Text.Json;

namespace SecureMail.TestKit.Smtp;

/// <summary>The replies the test server gives instead of 250, and whether it offers AUTH on a plain connection, kept in a
/// file its handler rereads on every command.</summary>
internal sealed class SmtpRefusals(string path)
{
    private readonly Dictionary<string, string> _recipients = new(StringComparer.OrdinalIgnoreCase);
    private string? _mail;
    private string? _data;
    private bool _authInTheClear;

    public string Path { get; } = path;

    public void Recipient(string address, string reply) { _recipients[address.ToLowerInvariant()] = Checked(reply); Save(); }
    public void Sender(string reply) { _mail = Checked(reply); Save(); }
    public void Data(string reply) { _data = Checked(reply); Save(); }
    public void Clear() { _recipients.Clear(); _mail = null; _data = null; Save(); }
    public void OfferAuthenticationWithoutTls() { _authInTheClear = true; Save(); }

    private void Save()
    {
        var json = JsonSerializer.Serialize(new { mail = _mail, data = _data, rcpt = _recipients, authInTheClear = _authInTheClear });
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, Path, overwrite: true);
    }

    private static string Checked(string reply) =>
        reply.Length >= 4 && reply[0] is '4' or '5' && reply[3] == ' '
            ? reply
            : throw new ArgumentException($"'{reply}' is not an SMTP refusal such as \"550 5.1.1 No such user\".", nameof(reply));
}
