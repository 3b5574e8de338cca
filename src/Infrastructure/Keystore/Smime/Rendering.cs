using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>The string forms the keystore facts promise, in one place so certificates, keys and CRLs agree.</summary>
internal static class Rendering
{
    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string Sha256(byte[] bytes) => Hex(SHA256.HashData(bytes));

    /// <summary>Most specific RDN first, as RFC 2253 orders them, with OpenSSL-like short names (CN, O, E).</summary>
    public static string Name(X509Name name) => name.ToString(true, X509Name.DefaultSymbols);

    /// <summary>The magnitude's bytes, as <c>openssl x509 -serial</c> prints them.</summary>
    public static string Serial(BigInteger serial)
    {
        var hex = Convert.ToHexString(serial.Abs().ToByteArrayUnsigned());
        var padded = hex.Length == 0 ? "00" : hex;
        return serial.SignValue < 0 ? "-" + padded : padded;
    }

    public static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    /// <summary>Re-encoded through one factory so a key and its certificate hash the same bytes
    /// even when the certificate spelled its key differently (e.g. a compressed EC point).</summary>
    public static string PublicKeyFingerprint(AsymmetricKeyParameter publicKey) =>
        Sha256(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey).GetDerEncoded());
}
