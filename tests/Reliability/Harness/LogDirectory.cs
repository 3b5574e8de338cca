namespace SecureMail.Reliability.Harness;

/// <summary>Where the nodes' console logs go: securemail-reliability/PID/TEST under the temp directory, one folder per
/// test host, so runs from several checkouts at once do not delete each other's logs. The folders of test hosts that
/// have exited are removed when a new run starts, so the logs of the last run stay for reading and no more.</summary>
public static class LogDirectory
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "securemail-reliability");
    private static readonly Lazy<string> ThisRun = new(() =>
    {
        Directory.CreateDirectory(Root);
        foreach (var run in Directory.GetDirectories(Root))
            if (int.TryParse(Path.GetFileName(run), out var pid) && !Directory.Exists($"/proc/{pid}"))
                try { Directory.Delete(run, recursive: true); }
                catch (IOException) { }
        return Directory.CreateDirectory(Path.Combine(Root, Environment.ProcessId.ToString())).FullName;
    });

    public static string For(string test)
    {
        var directory = Path.Combine(ThisRun.Value, test);
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        return Directory.CreateDirectory(directory).FullName;
    }
}
