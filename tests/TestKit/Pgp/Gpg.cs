using System.Text;

namespace SecureMail.TestKit.Pgp;

/// <summary>The gpg binary over a throwaway GNUPGHOME under /tmp (short: gpg-agent's socket path has a length
/// limit). Fails loudly when gpg is not installed. Dispose stops the agent and deletes the home.</summary>
public sealed class Gpg : IDisposable
{
    public const string DefaultPassphrase = "gpg test passphrase";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Candidates = ["/usr/bin/gpg", "/usr/local/bin/gpg", "/bin/gpg"];

    public Gpg()
    {
        Executable = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("gpg is not installed (looked for /usr/bin/gpg); install the gnupg package.");
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The gpg helper runs on Linux and macOS only.");
        Home = Path.Combine("/tmp", "g" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Executable { get; }
    public string Home { get; }

    /// <param name="algorithm">gpg's names: rsa2048, ed25519, cv25519, ...</param>
    /// <param name="usage">sign, encr, cert, auth (comma separated) or "default".</param>
    /// <param name="expire">"never", "1y", "seconds=N", an ISO date ...</param>
    /// <param name="passphrase">Null or empty: the key is stored unprotected.</param>
    /// <param name="at">Fakes gpg's clock, e.g. to make a key that has already expired.</param>
    /// <param name="options">More gpg options, e.g. --cert-digest-algo SHA1 for the self-signatures.</param>
    /// <returns>The new key's fingerprint.</returns>
    public string GenerateKey(string userId, string algorithm = "rsa2048", string usage = "sign", string expire = "never",
        string? passphrase = DefaultPassphrase, DateTimeOffset? at = null, params string[] options) =>
        CreatedFingerprint(RunText(WithPassphrase(passphrase, at, [.. options, "--status-fd", "1", "--quick-gen-key", userId, algorithm, usage, expire])));

    /// <returns>The new subkey's fingerprint.</returns>
    public string AddSubkey(string fingerprint, string algorithm = "rsa2048", string usage = "encr", string expire = "never",
        string? passphrase = DefaultPassphrase, DateTimeOffset? at = null, params string[] options) =>
        CreatedFingerprint(RunText(WithPassphrase(passphrase, at, [.. options, "--status-fd", "1", "--quick-add-key", fingerprint, algorithm, usage, expire])));

    public void AddUserId(string fingerprint, string userId, string? passphrase = DefaultPassphrase) =>
        RunText(WithPassphrase(passphrase, null, "--quick-add-uid", fingerprint, userId));

    public void RevokeUserId(string fingerprint, string userId, string? passphrase = DefaultPassphrase) =>
        RunText(WithPassphrase(passphrase, null, "--quick-revoke-uid", fingerprint, userId));

    /// <summary>Imports the revocation certificate gpg wrote at key generation (its armor line is prefixed with
    /// ':' so that it is not imported by accident).</summary>
    public void RevokeKey(string fingerprint)
    {
        var certificate = File.ReadAllText(Path.Combine(Home, "openpgp-revocs.d", fingerprint + ".rev"))
            .Replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        Run(Encoding.ASCII.GetBytes(certificate), "--import");
    }

    /// <summary>A new self-signature with a new expiry (gpg --quick-set-expire): of the primary key, or of every subkey.</summary>
    public void SetExpiry(string fingerprint, string expire, bool subkeys = false, string? passphrase = DefaultPassphrase) =>
        RunText(WithPassphrase(passphrase, null, ["--quick-set-expire", fingerprint, expire, .. subkeys ? new[] { "*" } : []]));

    public string ExportPublicArmored(params string[] fingerprints) => RunText(["--armor", "--export", .. fingerprints]);

    public byte[] ExportPublicBinary(params string[] fingerprints) => Run(null, ["--export", .. fingerprints]);

    /// <param name="options">More gpg options, e.g. --s2k-count for the export's protection.</param>
    public string ExportSecretArmored(string fingerprint, string? passphrase = DefaultPassphrase, params string[] options) =>
        RunText(WithPassphrase(passphrase, null, [.. options, "--armor", "--export-secret-keys", fingerprint]));

    /// <summary>Secret subkeys only: the primary key is a gnu-dummy stub without secret material.</summary>
    public string ExportSecretSubkeysArmored(string fingerprint, string? passphrase = DefaultPassphrase) =>
        RunText(WithPassphrase(passphrase, null, "--armor", "--export-secret-subkeys", fingerprint));

    public string EncryptArmored(string recipient, string text) =>
        ProcessRunner.Text(Run(Encoding.UTF8.GetBytes(text), "--armor", "--trust-model", "always", "--recipient", recipient, "--encrypt"));

    public string DetachSignArmored(string signer, string text, string? passphrase = DefaultPassphrase) =>
        ProcessRunner.Text(Run(Encoding.UTF8.GetBytes(text), WithPassphrase(passphrase, null, "--armor", "--local-user", signer, "--detach-sign")));

    /// <summary>What gpg itself says about the key: <c>--with-colons --fingerprint --list-keys</c>.</summary>
    public GpgKeyListing List(string fingerprint) =>
        GpgKeyListing.Parse(RunText("--with-colons", "--fixed-list-mode", "--fingerprint", "--fingerprint", "--list-keys", fingerprint));

    public string RunText(params string[] arguments) => ProcessRunner.Text(Run(null, arguments));

    public byte[] Run(byte[]? input, params string[] arguments)
    {
        var result = ProcessRunner.Run(Executable, ["--batch", "--no-tty", .. arguments], Environment(), input, Timeout);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"gpg {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Error}");
    }

    public void Dispose()
    {
        try
        {
            ProcessRunner.Run("gpgconf", ["--kill", "gpg-agent"], Environment(), null, TimeSpan.FromSeconds(10));
        }
        finally
        {
            try { Directory.Delete(Home, recursive: true); } catch (IOException) { } // the agent may still be removing its sockets
        }
    }

    private Dictionary<string, string> Environment() => new() { ["GNUPGHOME"] = Home };

    private static string[] WithPassphrase(string? passphrase, DateTimeOffset? at, params string[] arguments) =>
    [
        "--pinentry-mode", "loopback", "--passphrase", passphrase ?? "",
        .. at is { } time ? new[] { "--faked-system-time", time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss") + "!" } : [],
        .. arguments,
    ];

    private static string CreatedFingerprint(string statusOutput) =>
        statusOutput.Split('\n').Select(l => l.Split(' ')).FirstOrDefault(f => f is ["[GNUPG:]", "KEY_CREATED", _, _, ..])?[3].Trim()
        ?? throw new InvalidOperationException($"gpg reported no created key: {statusOutput}");
}
