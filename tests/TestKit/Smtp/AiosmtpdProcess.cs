using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SecureMail.TestKit.Polling;

namespace SecureMail.TestKit.Smtp;

/// <summary>One run of <c>python3 -m aiosmtpd</c> with the raw Maildir handler, and what it printed to stderr.</summary>
internal sealed class AiosmtpdProcess : IDisposable
{
    // Debian's interpreter: a pyenv or venv python3 earlier on PATH does not see python3-aiosmtpd.
    public const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private AiosmtpdProcess(Process process) => _process = process;

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    public static async Task<AiosmtpdProcess> StartAsync(string workspace, string host, int port, string maildir, string refusals)
    {
        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing: install Debian's python3-aiosmtpd.");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"{host}:{port}", "-c", RawMaildirHandler.Class, maildir, refusals },
            Environment = { ["PYTHONPATH"] = workspace, ["PYTHONDONTWRITEBYTECODE"] = "1" },
        };
        var server = new AiosmtpdProcess(new Process { StartInfo = start });
        server._process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (server._stderr) server._stderr.AppendLine(line.Data); };
        server._process.OutputDataReceived += (_, _) => { };
        server._process.Start();
        server._process.BeginErrorReadLine();
        server._process.BeginOutputReadLine();

        try
        {
            await Eventually.Until(async () => server._process.HasExited
                    ? throw new InvalidOperationException($"aiosmtpd exited with {server._process.ExitCode}")
                    : await AcceptsConnectionAsync(port),
                StartTimeout, $"aiosmtpd to listen on port {port}", TimeSpan.FromMilliseconds(50));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            server.Dispose();
            throw new InvalidOperationException($"{e.Message} (is python3-aiosmtpd installed?). Its stderr:\n{server.Stderr}", e);
        }
        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private static async Task<bool> AcceptsConnectionAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
