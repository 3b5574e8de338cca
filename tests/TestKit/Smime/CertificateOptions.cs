using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Math;

namespace SecureMail.TestKit.Smime;

/// <summary>What a test certificate should say. Defaults: an S/MIME leaf for user@example.com,
/// digitalSignature + keyEncipherment, EKU emailProtection, valid from yesterday for a year, a fresh RSA-2048 key.</summary>
public sealed record CertificateOptions
{
    public string CommonName { get; init; } = "Test User";

    /// <summary>rfc822Name entries of subjectAltName; empty for a certificate with no e-mail.</summary>
    public IReadOnlyList<string> Emails { get; init; } = ["user@example.com"];

    /// <summary>Also put the first e-mail in the subject as an emailAddress RDN.</summary>
    public bool EmailInSubject { get; init; }

    /// <summary>RFC 5280 names (digitalSignature, keyEncipherment, keyCertSign, ...); null leaves the extension out.</summary>
    public IReadOnlyList<string>? KeyUsages { get; init; } = ["digitalSignature", "keyEncipherment"];

    /// <summary>Names (emailProtection, serverAuth, anyExtendedKeyUsage, ...) or dotted OIDs; null leaves the extension out.</summary>
    public IReadOnlyList<string>? ExtendedKeyUsages { get; init; } = ["emailProtection"];

    public DateTimeOffset NotBefore { get; init; } = DateTimeOffset.UtcNow.AddDays(-1);

    public DateTimeOffset NotAfter { get; init; } = DateTimeOffset.UtcNow.AddDays(365);

    /// <summary>basicConstraints CA:TRUE (critical); otherwise CA:FALSE.</summary>
    public bool IsCertificateAuthority { get; init; }

    public TestKeyType KeyType { get; init; } = TestKeyType.Rsa2048;

    /// <summary>The subject's key pair; null takes a key of <see cref="KeyType"/> no other certificate has.</summary>
    public AsymmetricCipherKeyPair? Key { get; init; }

    /// <summary>Null picks a random positive 64-bit serial.</summary>
    public BigInteger? SerialNumber { get; init; }

    public static CertificateOptions For(params string[] emails) => new() { Emails = emails, CommonName = emails.FirstOrDefault() ?? "Test User" };

    public CertificateOptions Expired() =>
        this with { NotBefore = DateTimeOffset.UtcNow.AddDays(-30), NotAfter = DateTimeOffset.UtcNow.AddDays(-1) };

    public CertificateOptions NotYetValid() =>
        this with { NotBefore = DateTimeOffset.UtcNow.AddDays(1), NotAfter = DateTimeOffset.UtcNow.AddDays(30) };

    public CertificateOptions WithoutEmail() => this with { Emails = [], EmailInSubject = false };

    public CertificateOptions Ec() => this with { KeyType = TestKeyType.EcP256 };

    /// <summary>A cached key (fast): certificates on the same <paramref name="slot"/> share a public key.</summary>
    public CertificateOptions SharedKey(int slot = 0) => this with { Key = TestKeys.Shared(KeyType, slot) };

    public static CertificateOptions CertificateAuthority(string commonName = "SecureMail Test CA") => new()
    {
        CommonName = commonName,
        Emails = [],
        KeyUsages = ["keyCertSign", "cRLSign", "digitalSignature"],
        ExtendedKeyUsages = null,
        NotBefore = DateTimeOffset.UtcNow.AddDays(-2),
        NotAfter = DateTimeOffset.UtcNow.AddYears(10),
        IsCertificateAuthority = true,
    };
}
