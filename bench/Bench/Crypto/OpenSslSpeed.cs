using System.Globalization;
using SecureMail.TestKit.Smime;

namespace SecureMail.Bench.Crypto;

/// <summary>The crypto floor for one RSA-2048 private-key operation: <c>openssl speed rsa2048</c>, single-threaded.</summary>
public static class OpenSslSpeed
{
    /// <returns>Milliseconds per RSA-2048 sign.</returns>
    public static double Rsa2048SignMilliseconds(int seconds)
    {
        var output = OpenSsl.Run(Path.GetTempPath(), ["speed", "-seconds", seconds.ToString(CultureInfo.InvariantCulture), "rsa2048"],
            TimeSpan.FromSeconds(seconds * 4 + 30));
        // "rsa 2048 bits 0.000711s 0.000021s   1406.5  47619.0"
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("rsa 2048 bits", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"openssl speed printed no rsa 2048 line:\n{output}");
        var sign = line["rsa 2048 bits".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('s');
        return double.Parse(sign, CultureInfo.InvariantCulture) * 1000;
    }
}
