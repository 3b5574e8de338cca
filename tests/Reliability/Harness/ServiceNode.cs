using System.Diagnostics;
using System.Net.Http.Headers;
using SecureMail.TestKit.Auth;
using SecureMail.TestKit.Polling;

namespace SecureMail.Reliability.Harness;

/// <summary>One service process (<c>dotnet SecureMail.Api.dll</c>) on its own loopback port, its console log kept in
/// a file. Killed (SIGKILL, as <c>kill -9</c>), stopped (SIGTERM) and started again on the same port.</summary>
public sealed class ServiceNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ServiceSettings _settings;
    private readonly string _logFile;
    private Process? _process;
    private StreamWriter? _log;

    private ServiceNode(string name, ServiceSettings settings, string logFile)
    {
        Name = name;
        _settings = settings;
        _logFile = logFile;
        Port = FreePort.Next();
        Tokens = new LocalTokens(settings.SigningKey, "reliability");
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public LocalTokens Tokens { get; }
    public bool IsRunning => _process is { HasExited: false };
    public int? ProcessId => _process?.Id;

    public static async Task<ServiceNode> StartAsync(string name, ServiceSettings settings, string logDirectory)
    {
        var node = new ServiceNode(name, settings, Path.Combine(logDirectory, $"{name}.log"));
        try
        {
            await node.StartAgainAsync();
        }
        catch
        {
            node.Kill();
            throw;
        }
        return node;
    }

    /// <summary>Starts the process (again, after a kill or stop) and waits until /health answers 200.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
            throw new InvalidOperationException($"{Name} is already running.");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ServiceBinary.Path },
            WorkingDirectory = Path.GetDirectoryName(ServiceBinary.Path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _settings.Environment(Port))
            start.Environment[key] = value;

        _log = new StreamWriter(_logFile, append: true) { AutoFlush = true };
        var log = _log;
        await log.WriteLineAsync($"=== {Name} starting at {DateTime.UtcNow:O} on port {Port}");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(log, line.Data);
        process.ErrorDataReceived += (_, line) => Append(log, line.Data);
        process.Start();
        ChildProcesses.Track(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Until(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while starting:\n{Tail()}");
            try
            {
                return (await probe.GetAsync("/health")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, healthy => healthy, StartTimeout, _ => $"{Name} to answer /health:\n{Tail()}");
    }

    /// <summary>kill -9: no shutdown hooks, no flushing, connections dropped.</summary>
    public void Kill()
    {
        if (_process is not { } process)
            return;
        if (!process.HasExited)
            process.Kill();
        process.WaitForExit();
        Forget(process);
    }

    /// <summary>SIGTERM, and the host's graceful shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
            return;
        if (!process.HasExited)
            Signals.Send(process.Id, Signals.Term);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(); process.WaitForExit(); }
        Forget(process);
    }

    /// <summary>Resident memory of the process, in bytes.</summary>
    public long ResidentBytes()
    {
        if (_process is not { HasExited: false } process)
            return 0;
        process.Refresh();
        return process.WorkingSet64;
    }

    public HttpClient Client(string? role, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (role is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(role));
        return client;
    }

    /// <summary>Everything the node has written to its console so far, over all its runs.</summary>
    public string Log()
    {
        using var stream = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    public string Tail(int lines = 40) => string.Join('\n', Log().Split('\n').TakeLast(lines));

    /// <summary>Killed, not stopped: the test is over and its schema is dropped next.</summary>
    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private void Forget(Process process)
    {
        ChildProcesses.Forget(process);
        process.Dispose();
        _process = null;
        _log?.Dispose();
        _log = null;
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
        {
            try { log.WriteLine(line); }
            catch (ObjectDisposedException) { }
        }
    }
}
