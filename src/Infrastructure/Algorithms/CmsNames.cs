namespace SecureMail.Infrastructure.Algorithms;

/// <summary>Names of the CMS content-encryption and digest algorithms, as the article facts and the ArticleEncrypted
/// event show them.</summary>
internal static class CmsNames
{
    private static readonly Dictionary<string, string> Ciphers = new()
    {
        ["2.16.840.1.101.3.4.1.2"] = "AES-128-CBC",
        ["2.16.840.1.101.3.4.1.22"] = "AES-192-CBC",
        ["2.16.840.1.101.3.4.1.42"] = "AES-256-CBC",
        ["1.2.840.113549.3.7"] = "3DES",
        ["1.2.840.113549.3.2"] = "RC2",
        ["1.3.14.3.2.7"] = "DES",
    };

    // Authenticated ciphers (RFC 5084) belong in authenticated enveloped-data only: never looked up for enveloped-data.
    private static readonly Dictionary<string, string> AuthenticatedCiphers = new()
    {
        ["2.16.840.1.101.3.4.1.6"] = "AES-128-GCM",
        ["2.16.840.1.101.3.4.1.26"] = "AES-192-GCM",
        ["2.16.840.1.101.3.4.1.46"] = "AES-256-GCM",
    };

    // 64-bit blocks or short keys (RFC 8551 §2.7 keeps them for reading only).
    private static readonly HashSet<string> Weak = ["3DES", "RC2", "DES"];

    private static readonly Dictionary<string, string> Digests = new()
    {
        ["1.2.840.113549.2.5"] = "MD5",
        ["1.3.14.3.2.26"] = "SHA-1",
        ["2.16.840.1.101.3.4.2.4"] = "SHA-224",
        ["2.16.840.1.101.3.4.2.1"] = "SHA-256",
        ["2.16.840.1.101.3.4.2.2"] = "SHA-384",
        ["2.16.840.1.101.3.4.2.3"] = "SHA-512",
        // Some senders put the signature algorithm where the digest algorithm belongs.
        ["1.2.840.113549.1.1.4"] = "MD5",
        ["1.2.840.113549.1.1.5"] = "SHA-1",
        ["1.2.840.113549.1.1.11"] = "SHA-256",
        ["1.2.840.113549.1.1.12"] = "SHA-384",
        ["1.2.840.113549.1.1.13"] = "SHA-512",
    };

    public static string? Cipher(string oid) => Ciphers.GetValueOrDefault(oid);

    public static string? AuthenticatedCipher(string oid) => AuthenticatedCiphers.GetValueOrDefault(oid);

    public static bool IsWeak(string cipher) => Weak.Contains(cipher);

    public static string Digest(string oid) => Digests.GetValueOrDefault(oid, oid);
}
