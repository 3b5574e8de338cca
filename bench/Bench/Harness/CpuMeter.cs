using System.Diagnostics;

namespace SecureMail.Bench.Harness;

/// <summary>CPU time spent, between two readings, by the service process, by PostgreSQL (the benchmark's cluster: its
/// postmaster, its live backends and the exited ones it reaped; on a server the harness did not start, every postgres
/// process on the machine) and by this driver. On a saturated machine throughput follows CPU
/// per article, and CPU per article holds still where throughput swings with the neighbours' load.</summary>
public sealed record CpuReading(double ServiceMs, double PostgresMs, double DriverMs)
{
    public static CpuReading operator -(CpuReading after, CpuReading before) =>
        new(after.ServiceMs - before.ServiceMs, after.PostgresMs - before.PostgresMs, after.DriverMs - before.DriverMs);

    public double TotalMs => ServiceMs + PostgresMs + DriverMs;

    public string PerItem(int items, string item) =>
        $"CPU per {item}: {TotalMs / items:F1} ms (service {ServiceMs / items:F1}, PostgreSQL {PostgresMs / items:F1}, driver {DriverMs / items:F1})";
}

public static class CpuMeter
{
    private static readonly double MillisecondsPerTick = 1000.0 / 100; // USER_HZ is 100 on Linux
    // Other clusters on a shared machine (a test run's) would otherwise count as the service's database work.
    private static readonly int? Postmaster = int.TryParse(Environment.GetEnvironmentVariable("BENCH_POSTGRES_PID"), out var pid) ? pid : null;

    public static CpuReading Read(int? servicePid)
    {
        double service = 0, postgres = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            if (Stat(pid) is not { } stat)
                continue;
            if (pid == servicePid)
                service = stat.Own;
            else if (Postmaster is { } postmaster)
                postgres += pid == postmaster ? stat.Own + stat.Reaped : stat.Parent == postmaster ? stat.Own : 0;
            else if (stat.Command == "postgres")
                postgres += stat.Own + (ParentCommand(stat.Parent) == "postgres" ? 0 : stat.Reaped);
        }
        return new CpuReading(service, postgres, Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    }

    private sealed record ProcessStat(string Command, int Parent, double Own, double Reaped);

    /// <summary>Read only for postgres processes: a postmaster's parent is not postgres, a backend's is.</summary>
    private static string ParentCommand(int parent)
    {
        try
        {
            return parent > 1 ? File.ReadAllText($"/proc/{parent}/comm").Trim() : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static ProcessStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            var command = text[(text.IndexOf('(') + 1)..close];
            // Fields after the command, from field 3 (state): ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
            var fields = text[(close + 2)..].Split(' ');
            double Ticks(int field) => double.Parse(fields[field - 3]) * MillisecondsPerTick;
            return new ProcessStat(command, int.Parse(fields[4 - 3]), Ticks(14) + Ticks(15), Ticks(16) + Ticks(17));
        }
        catch (IOException)
        {
            return null; // the process ended while we read it
        }
    }
}
