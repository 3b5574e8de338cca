using System.Text;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>S/MIME messages made by <c>openssl cms</c> in a throwaway workspace.</summary>
internal sealed class SmimeMessages : IDisposable
{
    public const string Text = "Hello helpdesk,\r\nthe printer is on fire.\r\n-- \r\nAlice\r\n";

    private readonly OpenSslWorkspace _openssl = new();
    private int _files;

    public static byte[] Entity(string text = Text) =>
        Encoding.UTF8.GetBytes($"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{text}");

    public byte[] Sign(byte[] entity, TestCertificate signer, params string[] options)
    {
        var (certificate, key) = Files(signer);
        return Cms(entity, ["-sign", "-signer", certificate, "-inkey", key, "-md", "sha256", .. options]);
    }

    /// <summary>Signed with <paramref name="carried"/> certificates added to the message (-certfile).</summary>
    public byte[] SignCarrying(byte[] entity, TestCertificate signer, params TestCertificate[] carried)
    {
        var file = Write("carried.pem", Encoding.ASCII.GetBytes(string.Concat(carried.Select(c => c.Pem))));
        return Sign(entity, signer, "-certfile", file);
    }

    public byte[] Encrypt(byte[] entity, TestCertificate recipient, string cipher = "-aes256", params string[] options) =>
        Cms(entity, ["-encrypt", cipher, .. options], Files(recipient).Certificate);

    /// <summary>Encrypted with <c>-recip</c>, so that each of <paramref name="keyOptions"/> (as <c>-keyopt</c>) applies to it.</summary>
    public byte[] EncryptWithKeyOptions(byte[] entity, TestCertificate recipient, string cipher, params string[] keyOptions) =>
        Cms(entity, ["-encrypt", cipher, "-recip", Files(recipient).Certificate, .. keyOptions.SelectMany(o => new[] { "-keyopt", o })]);

    public string Run(params string[] arguments) => _openssl.Run(arguments);

    public void Dispose() => _openssl.Dispose();

    /// <param name="recipient">openssl takes recipient certificates last, after every option.</param>
    private byte[] Cms(byte[] input, string[] arguments, string? recipient = null)
    {
        var inFile = Write("in.eml", input);
        var outFile = $"out{++_files}.eml";
        _openssl.Run(["cms", .. arguments, "-in", inFile, "-out", outFile,
            "-from", "alice@example.com", "-to", "support@example.com", "-subject", "Printer",
            .. recipient is null ? Array.Empty<string>() : [recipient]]);
        return _openssl.Read(outFile);
    }

    private (string Certificate, string Key) Files(TestCertificate certificate)
    {
        var name = certificate.Fingerprint[..12];
        return (Write($"{name}.pem", certificate.PemBytes), Write($"{name}.key", Encoding.ASCII.GetBytes(certificate.PrivateKeyPem)));
    }

    private string Write(string name, byte[] content)
    {
        var file = $"{++_files}-{name}";
        _openssl.Write(file, content);
        return file;
    }
}
