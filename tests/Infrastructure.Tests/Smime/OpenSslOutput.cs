using System.Globalization;
using System.Security.Cryptography;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

/// <summary>What openssl itself says about a certificate, in the renderings the keystore facts use.</summary>
internal static class OpenSslOutput
{
    /// <summary>The value after '=' of a one-line print such as <c>x509 -noout -serial</c>.</summary>
    public static string Value(OpenSslWorkspace workspace, params string[] arguments) =>
        workspace.Run(arguments).Trim().Split('=', 2)[1];

    public static string Hex(string colonSeparated) => colonSeparated.Replace(":", "").Trim().ToLowerInvariant();

    public static string Fingerprint(OpenSslWorkspace workspace, string certificateFile) =>
        Hex(Value(workspace, "x509", "-in", certificateFile, "-noout", "-fingerprint", "-sha256"));

    public static DateTimeOffset Date(string opensslDate) =>
        DateTimeOffset.ParseExact(
            string.Join(' ', opensslDate.Split(' ', StringSplitOptions.RemoveEmptyEntries)), "MMM d HH:mm:ss yyyy 'GMT'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>SHA-256 of the SubjectPublicKeyInfo DER that <c>openssl pkey -pubout</c> writes for a key or certificate.</summary>
    public static string PublicKeyFingerprint(OpenSslWorkspace workspace, string file, bool isCertificate)
    {
        var publicKeyFile = $"{Path.GetFileName(file)}.spki.der";
        if (isCertificate)
        {
            workspace.Write($"{file}.pub.pem", System.Text.Encoding.ASCII.GetBytes(workspace.Run("x509", "-in", file, "-noout", "-pubkey")));
            workspace.Run("pkey", "-pubin", "-in", $"{file}.pub.pem", "-outform", "DER", "-out", publicKeyFile);
        }
        else
        {
            workspace.Run("pkey", "-in", file, "-inform", "DER", "-pubout", "-outform", "DER", "-out", publicKeyFile);
        }
        return Convert.ToHexStringLower(SHA256.HashData(workspace.Read(publicKeyFile)));
    }
}
