using System.Collections.Concurrent;
using System.Diagnostics;

namespace SecureMail.Reliability.Harness;

/// <summary>Every process a test starts is watched by a small shell loop that kills it (by its id) if the test host dies
/// first: a test that times out or a runner that kills the host must not leave a service running on the shared machine.
/// The loop ends by itself when the process does.</summary>
public static class ChildProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static ChildProcesses() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Track(Process process)
    {
        Running[process.Id] = process;
        Guard(process.Id);
    }

    public static void Forget(Process process) => Running.TryRemove(process.Id, out _);

    /// <summary>Watches a process this test host started, known only by its id (e.g. the SMTP server TestKit starts);
    /// <paramref name="cleanUp"/> (a shell command) replaces the plain kill -9 when the host dies first.</summary>
    public static void Guard(int pid, string? cleanUp = null)
    {
        var watchdog = Process.Start(new ProcessStartInfo("/bin/sh")
        {
            ArgumentList =
            {
                "-c", "while kill -0 \"$0\" 2>/dev/null && kill -0 \"$1\" 2>/dev/null; do sleep 1; done; kill -0 \"$0\" 2>/dev/null || { " +
                      (cleanUp ?? "kill -9 \"$1\" 2>/dev/null") + "; }",
                Environment.ProcessId.ToString(), pid.ToString(),
            },
            UseShellExecute = false,
        });
        watchdog?.Dispose();
    }

    /// <summary>The ids of this host's own child processes whose command line contains <paramref name="fragment"/>.</summary>
    public static IEnumerable<int> ChildrenMatching(string fragment)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            string status, commandLine;
            try
            {
                status = File.ReadAllText(Path.Combine(directory, "status"));
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            var parent = status.Split('\n').FirstOrDefault(l => l.StartsWith("PPid:"))?["PPid:".Length..].Trim();
            if (parent == Environment.ProcessId.ToString() && commandLine.Contains(fragment, StringComparison.Ordinal))
                yield return pid;
        }
    }

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { }
        }
    }
}
