using System.Diagnostics;

namespace SecureMail.Api.Tests.Support;

/// <summary>The shell commands of README.md's tour, read from the file itself, so a test of a step keeps the README true.</summary>
public static class ReadmeTour
{
    /// <summary>The one command of the tour that starts with <paramref name="start"/>, its continuation lines joined.</summary>
    public static string Command(string start)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).Replace("\\\n", " ");
        var lines = text.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith(start, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"README.md should hold exactly one command starting with \"{start}\"; it holds {lines.Count}.");
        return lines[0];
    }

    /// <summary>Runs <paramref name="command"/> with bash in <paramref name="directory"/>; throws with its stderr when it fails.</summary>
    public static void Run(string directory, string command)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} exited with {process.ExitCode}: {error.Result}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EventSourced.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("EventSourced.sln not found above the test folder.");
    }
}
