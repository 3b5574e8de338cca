using System.Collections.Concurrent;
using System.Diagnostics;

namespace SecureMail.Reliability.Harness;

/// <summary>Every process a test starts, killed when the test host exits, so a failed or timed-out test leaves
/// no service running on the shared machine.</summary>
public static class ChildProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static ChildProcesses() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Track(Process process) => Running[process.Id] = process;

    public static void Forget(Process process) => Running.TryRemove(process.Id, out _);

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { }
        }
    }
}
