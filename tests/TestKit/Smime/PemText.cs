using System.Text;

namespace SecureMail.TestKit.Smime;

/// <summary>PEM as RFC 7468 and OpenSSL write it: base64 lines of 64 characters.</summary>
internal static class PemText
{
    public static string Write(string label, byte[] der)
    {
        var base64 = Convert.ToBase64String(der);
        var lines = Enumerable.Range(0, (base64.Length + 63) / 64)
            .Select(line => base64.Substring(line * 64, Math.Min(64, base64.Length - line * 64)));
        return $"-----BEGIN {label}-----\n{string.Join('\n', lines)}\n-----END {label}-----\n";
    }

    public static byte[] Bytes(string pem) => Encoding.ASCII.GetBytes(pem);
}
