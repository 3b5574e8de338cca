using Xunit.Abstractions;

namespace SecureMail.Reliability.Harness;

/// <summary>The numbers a test measured: in its output, and appended to RELIABILITY_FIGURES (scripts/soak prints that file).</summary>
public sealed class Figures(ITestOutputHelper output, string test)
{
    private static readonly object FileLock = new();

    public void Report(string line)
    {
        output.WriteLine($"{test}: {line}");
        if (Environment.GetEnvironmentVariable("RELIABILITY_FIGURES") is { Length: > 0 } file)
            lock (FileLock)
                File.AppendAllText(file, $"{test}: {line}{Environment.NewLine}");
    }
}
