using System.Diagnostics;

namespace SecureMail.TestKit.Smime;

/// <summary>Runs the <c>openssl</c> binary, the reference implementation for interop tests.
/// Throws (never skips) when it is missing, so an interop test cannot pass without running.</summary>
public static class OpenSsl
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly Lazy<string> Found = new(Find);

    public static string Executable => Found.Value;

    /// <summary>Runs openssl in <paramref name="workingDirectory"/>; returns stdout, throws with stderr on a non-zero exit.</summary>
    public static string Run(string workingDirectory, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', start.ArgumentList)} did not finish in time.");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"openssl {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }

    private static string Find()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "openssl"))
            .Prepend("/usr/bin/openssl");
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "The openssl binary is required for interop tests but was not found (install the Debian package 'openssl').");
    }
}
