using System.Diagnostics;
using Npgsql;

namespace SecureMail.Reliability.Harness;

/// <summary>A PostgreSQL cluster of a test's own, in a temporary directory on a free port, that the test may stop
/// and start (an outage) without touching the cluster every other test uses. As root, initdb and pg_ctl run as the
/// postgres user, as scripts/lib/postgres.sh does.</summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _root;

    private ThrowawayPostgres(string root)
    {
        _root = root;
        Port = FreePort.Next();
    }

    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres";
    private string Data => Path.Combine(_root, "data");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("securemail-pg-").FullName;
        if (Signals.RunningAsRoot)
            Run("chown", ["postgres:", root], asOwner: false);
        var cluster = new ThrowawayPostgres(root);
        Run(Tool("initdb"), ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
        await cluster.StartAgainAsync();
        return cluster;
    }

    public async Task StartAgainAsync()
    {
        Run(Tool("pg_ctl"), ["-D", Data, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start"]);
        await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        var postmaster = int.Parse(File.ReadLines(Path.Combine(Data, "postmaster.pid")).First());
        ChildProcesses.Guard(postmaster, $"kill -9 \"$1\"; sleep 1; rm -rf '{_root}'");
    }

    /// <summary>A fast shutdown: sessions are ended and new connections refused until it starts again.</summary>
    public void Stop() => Run(Tool("pg_ctl"), ["-D", Data, "-m", "fast", "-w", "stop"]);

    public ValueTask DisposeAsync()
    {
        try { Run(Tool("pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"]); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    private static string Tool(string name)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(Directory.Exists)
            .OrderBy(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(path)), out var major) ? major : 0)
            .LastOrDefault() ?? throw new InvalidOperationException("PostgreSQL server binaries are missing under /usr/lib/postgresql (scripts/test installs them).");
        return Path.Combine(bin, name);
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asOwner = true)
    {
        var start = Signals.RunningAsRoot && asOwner
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", program } }
            : new ProcessStartInfo(program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill();
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
    }
}
