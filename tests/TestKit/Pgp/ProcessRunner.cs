using System.Diagnostics;
using System.Text;

namespace SecureMail.TestKit.Pgp;

internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, byte[] Output, string Error);

    /// <summary>Runs a program to completion; kills its process tree and throws when it takes longer than the timeout.</summary>
    public static Result Run(string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment,
        byte[]? input, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
            process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        Task.WaitAll([reading, error], timeout);
        return new Result(process.ExitCode, output.ToArray(), error.Result);
    }

    public static string Text(byte[] output) => Encoding.UTF8.GetString(output);
}
