using System.Text;
using SecureMail.TestKit.Gnupg;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>Runs gpg on files in a throwaway directory and keeps what it reports: the machine-readable status
/// lines (doc/DETAILS in GnuPG) and the human log, where warnings such as a missing MDC appear.</summary>
internal sealed class GpgSession(Gpg gpg) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("securemail-gpg-").FullName;

    public string Status { get; private set; } = "";
    public string Log { get; private set; } = "";

    public byte[] Decrypt(byte[] armored)
    {
        Run("--pinentry-mode", "loopback", "--passphrase", Gpg.DefaultPassphrase,
            "--yes", "--output", PathOf("plain.out"), "--decrypt", Write("message.asc", armored));
        return File.ReadAllBytes(PathOf("plain.out"));
    }

    public void VerifyDetached(byte[] armoredSignature, byte[] signedData) =>
        Run("--verify", Write("signature.asc", armoredSignature), Write("signed.part", signedData));

    /// <summary>Fields of the first status line with this keyword, e.g. VALIDSIG.</summary>
    public string[]? StatusLine(string keyword) => new GnupgStatus(Status).Line(keyword);

    public IEnumerable<string[]> StatusLines(string keyword) => new GnupgStatus(Status).Lines(keyword);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Run(params string[] arguments)
    {
        var status = PathOf("status.txt");
        var log = PathOf("log.txt");
        File.Delete(status);
        File.Delete(log);
        try
        {
            gpg.Run(null, ["--trust-model", "always", "--status-file", status, "--log-file", log, .. arguments]);
        }
        finally
        {
            Status = File.Exists(status) ? File.ReadAllText(status) : "";
            Log = File.Exists(log) ? File.ReadAllText(log) : "";
        }
    }

    private string Write(string name, byte[] content)
    {
        File.WriteAllBytes(PathOf(name), content);
        return PathOf(name);
    }

    private string PathOf(string name) => Path.Combine(_directory, name);
}
