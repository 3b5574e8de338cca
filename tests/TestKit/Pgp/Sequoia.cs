using System.Text.RegularExpressions;

namespace SecureMail.TestKit.Pgp;

/// <summary>Sequoia's <c>sq</c> (0.27 on Debian 12), an OpenPGP implementation apart from gpg. Stateless: each call is
/// given the keys and certificates it may use, as files in a throwaway directory. Fails loudly when sq is not installed.</summary>
public sealed class Sequoia : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Candidates = ["/usr/bin/sq", "/usr/local/bin/sq", "/bin/sq"];

    private readonly string _executable;
    private readonly string _directory = Directory.CreateTempSubdirectory("securemail-sq-").FullName;

    public Sequoia() =>
        _executable = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("sq is not installed (looked for /usr/bin/sq); install the sq package.");

    /// <param name="recipientKey">The recipient's secret key, unprotected (sq 0.27 cannot ask for a passphrase here).</param>
    /// <param name="signerCertificate">When given, sq fails unless the message carries a good signature by it.</param>
    public SequoiaResult Decrypt(byte[] message, byte[] recipientKey, byte[]? signerCertificate = null) =>
        Run(["decrypt", "--recipient-key", Write("recipient.key", recipientKey),
            .. signerCertificate is null ? Array.Empty<string>() : ["--signer-cert", Write("signer.cert", signerCertificate)],
            Write("message.asc", message)]);

    public SequoiaResult VerifyDetached(byte[] signature, byte[] signedData, byte[] signerCertificate) =>
        Run(["verify", "--detached", Write("signature.asc", signature), "--signer-cert", Write("signer.cert", signerCertificate),
            Write("signed.part", signedData)]);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SequoiaResult Run(string[] arguments)
    {
        var result = ProcessRunner.Run(_executable, arguments, new Dictionary<string, string>(), null, Timeout);
        return new SequoiaResult(result.ExitCode, result.Output, result.Error);
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}

/// <param name="Output">Standard output: the plaintext of a decryption.</param>
/// <param name="Log">Standard error, where sq 0.27 reports (it has no machine-readable status for these commands).</param>
public sealed record SequoiaResult(int ExitCode, byte[] Output, string Log)
{
    /// <summary>Key ids from "Good signature from KEYID".</summary>
    public IReadOnlyList<string> GoodSignatures => Regex.Matches(Log, @"^Good signature from ([0-9A-F]{16})\s*$", RegexOptions.Multiline)
        .Select(m => m.Groups[1].Value).ToList();

    /// <summary>From "Encrypted using AES-256"; null when sq did not say.</summary>
    public string? Cipher => Regex.Match(Log, @"^Encrypted using (\S+)\s*$", RegexOptions.Multiline) is { Success: true } match
        ? match.Groups[1].Value
        : null;
}
