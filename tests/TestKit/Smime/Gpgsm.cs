using System.Security.Cryptography;
using System.Text;
using SecureMail.TestKit.Gnupg;
using SecureMail.TestKit.Pgp;

namespace SecureMail.TestKit.Smime;

/// <summary>gpgsm 2.2, GnuPG's S/MIME engine (Kleopatra, KMail, GpgOL, mutt through GPGME), over a throwaway
/// GNUPGHOME under /tmp (short: the agent's socket path has a length limit). Offline, so CRL checks are off; a root is
/// trusted only after <see cref="Trust"/>. Fails loudly when gpgsm is not installed. Dispose stops the home's
/// gpg-agent and dirmngr and deletes it.</summary>
public sealed class Gpgsm : IDisposable
{
    private const int ImportAttempts = 5;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Candidates = ["/usr/bin/gpgsm", "/usr/local/bin/gpgsm", "/bin/gpgsm"];

    private readonly string _executable;
    private readonly string _work;

    public Gpgsm()
    {
        _executable = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("gpgsm is not installed (looked for /usr/bin/gpgsm); install the gpgsm package.");
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The gpgsm helper runs on Linux and macOS only.");
        Home = Path.Combine("/tmp", "s" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(Home, "gpgsm.conf"), "disable-crl-checks\n");
        _work = Directory.CreateDirectory(Path.Combine(Home, "work")).FullName;
    }

    public string Home { get; }

    /// <summary>The certificate with its private key, as a user imports their own identity: PKCS#12 from
    /// <c>openssl pkcs12 -export -legacy</c> with an empty password (gpgsm cannot read OpenSSL 3's default PBES2).
    /// gpgsm now and then rejects a good file ("data error at shrouded_key_bag"); a new export, with a new salt,
    /// goes through.</summary>
    public void ImportIdentity(TestCertificate identity)
    {
        using var openssl = new OpenSslWorkspace();
        openssl.Write("identity.key", Encoding.ASCII.GetBytes(identity.PrivateKeyPem));
        openssl.Write("identity.pem", identity.PemBytes);
        var result = new GpgsmResult(-1, new GnupgStatus(""), "not run", []);
        for (var attempt = 0; attempt < ImportAttempts; attempt++)
        {
            var pkcs12 = openssl.Read(openssl.Pkcs12("identity.key", "identity.pem", "", legacy: true));
            result = Run("--pinentry-mode", "loopback", "--passphrase", "", "--import", Write("identity.p12", pkcs12));
            if (result.ExitCode == 0 && SecretKeysImported(result.Status) == 1)
                return;
        }

        throw new InvalidOperationException($"gpgsm did not import the PKCS#12 of {identity.Certificate.SubjectDN}: {result.Log}");
    }

    public void Import(TestCertificate certificate)
    {
        var result = Run("--import", Write("certificate.pem", certificate.PemBytes));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"gpgsm did not import {certificate.Certificate.SubjectDN}: {result.Log}");
    }

    /// <summary>Trusts a root for S/MIME: its SHA-1 fingerprint in the agent's trustlist.txt, "S" for S/MIME, "relax"
    /// for a test root; a running agent is told to read the list again.</summary>
    public void Trust(TestCertificate root)
    {
        File.AppendAllText(Path.Combine(Home, "trustlist.txt"),
            $"{string.Join(':', SHA1.HashData(root.Der).Select(b => b.ToString("X2")))} S relax\n");
        Gpgconf("--reload", "gpg-agent");
    }

    /// <summary>Decrypts a CMS enveloped-data; <see cref="GpgsmResult.Output"/> is the plaintext. Verbose, so that the
    /// log names the content cipher ("AES256.CBC encrypted data").</summary>
    public GpgsmResult Decrypt(byte[] cms)
    {
        var plaintext = PathOf("plaintext");
        File.Delete(plaintext);
        var result = Run("--pinentry-mode", "loopback", "--passphrase", "", "--verbose", "--output", plaintext, "--decrypt", Write("encrypted.p7m", cms));
        return result with { Output = File.Exists(plaintext) ? File.ReadAllBytes(plaintext) : [] };
    }

    /// <summary>Verifies a detached CMS signature over <paramref name="signedData"/>. Does not throw: a signature from an
    /// untrusted chain is a non-zero exit that the status lines explain.</summary>
    public GpgsmResult VerifyDetached(byte[] signature, byte[] signedData) =>
        Run("--verify", Write("signature.p7s", signature), Write("signed.part", signedData));

    public void Dispose()
    {
        try
        {
            Gpgconf("--kill", "all");
        }
        finally
        {
            try { Directory.Delete(Home, recursive: true); } catch (IOException) { } // the agent may still be removing its sockets
        }
    }

    /// <summary>IMPORT_RES field 11: secret keys imported.</summary>
    private static int SecretKeysImported(GnupgStatus status) => status.Line("IMPORT_RES") is { Length: > 10 } fields ? int.Parse(fields[10]) : 0;

    private void Gpgconf(params string[] arguments) =>
        ProcessRunner.Run("gpgconf", ["--homedir", Home, .. arguments], new Dictionary<string, string>(), null, TimeSpan.FromSeconds(10));

    private GpgsmResult Run(params string[] arguments)
    {
        var result = ProcessRunner.Run(_executable, ["--homedir", Home, "--batch", "--no-tty", "--status-fd", "1", .. arguments],
            new Dictionary<string, string>(), null, Timeout);
        return new GpgsmResult(result.ExitCode, new GnupgStatus(ProcessRunner.Text(result.Output)), result.Error, []);
    }

    private string Write(string name, byte[] content)
    {
        File.WriteAllBytes(PathOf(name), content);
        return PathOf(name);
    }

    private string PathOf(string name) => Path.Combine(_work, name);
}

/// <param name="Log">gpgsm's human-readable messages (standard error).</param>
/// <param name="Output">What it wrote with --output: the plaintext of a decryption.</param>
public sealed record GpgsmResult(int ExitCode, GnupgStatus Status, string Log, byte[] Output);
