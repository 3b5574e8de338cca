using System.Text;
using SecureMail.Infrastructure.Tests.Outgoing;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>Inline PGP made by gpg, and keyrings holding gpg-made keys as the keystore would.</summary>
internal static class PgpMail
{
    public const string Text = "Hello helpdesk,\n- a line starting with a dash\nFrom the start of a line   \ntrailing tab\t\n-- \nAlice\n";

    public static byte[] Inline(string armored, string before = "", string after = "\n") =>
        RawMail.Lines(RawMail.Headers + "Content-Type: text/plain; charset=utf-8", "", before + armored.Replace("\r\n", "\n").TrimEnd('\n') + after);

    public static string SignAndEncrypt(GpgMailKey sender, GpgMailKey recipient, string text = Text) =>
        Run(sender, text, "--local-user", sender.Fingerprint, "--recipient", recipient.Fingerprint, "--sign", "--encrypt");

    public static string ClearSign(GpgMailKey sender, string text = Text) => Run(sender, text, "--local-user", sender.Fingerprint, "--clearsign");

    public static string Sign(GpgMailKey sender, string text = Text) => Run(sender, text, "--local-user", sender.Fingerprint, "--sign");

    /// <summary><paramref name="recipient"/>'s secret key to decrypt with, and the public keys of <paramref name="known"/>.</summary>
    public static InMemoryInboundKeyring Keyring(GpgMailKey? recipient, params GpgMailKey[] known)
    {
        var keyring = new InMemoryInboundKeyring();
        if (recipient is not null)
            keyring.PgpSecretKeys.Add(new(recipient.Fingerprint, recipient.SecretKeyRing));
        keyring.PgpKeys.AddRange(known.Select(k => InboundKeys.Public(k.PublicKeyRing)));
        return keyring;
    }

    private static string Run(GpgMailKey sender, string text, params string[] arguments) =>
        Encoding.UTF8.GetString(sender.Gpg.Run(Encoding.UTF8.GetBytes(text),
            ["--pinentry-mode", "loopback", "--passphrase", Gpg.DefaultPassphrase, "--trust-model", "always", "--armor", .. arguments]));
}
