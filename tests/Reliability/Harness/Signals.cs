using System.Runtime.InteropServices;

namespace SecureMail.Reliability.Harness;

internal static class Signals
{
    public const int Term = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Send(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint EffectiveUserId();

    public static bool RunningAsRoot => EffectiveUserId() == 0;
}
