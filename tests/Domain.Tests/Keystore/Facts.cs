using SecureMail.Domain.Keystore;

namespace SecureMail.Domain.Tests.Keystore;

/// <summary>Certificate and key facts as an adapter would read them, varied one field at a time.</summary>
internal static class Facts
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static CertificateFacts Certificate(string email = "alice@example.com") => new(
        Fingerprint: Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email))),
        Subject: $"CN={email}",
        Issuer: "CN=Test CA",
        SerialNumber: "0A",
        Emails: [email],
        NotBefore: Now.AddYears(-1),
        NotAfter: Now.AddYears(1),
        KeyUsages: ["digitalSignature", "keyEncipherment"],
        ExtendedKeyUsages: ["emailProtection"],
        KeyAlgorithm: "RSA",
        KeySize: 2048,
        IsCertificateAuthority: false,
        PublicKeyFingerprint: "ab",
        SubjectKeyIdentifier: null,
        AuthorityKeyIdentifier: null,
        Der: "AA==");

    public static CrlFacts Crl(DateTimeOffset thisUpdate, params string[] revokedSerials) => new(
        Fingerprint: thisUpdate.ToUnixTimeSeconds().ToString("x"),
        Issuer: "CN=Test CA",
        AuthorityKeyIdentifier: null,
        ThisUpdate: thisUpdate,
        NextUpdate: thisUpdate.AddDays(7),
        Revoked: revokedSerials.Select(s => new RevokedCertificate(s, thisUpdate)).ToList(),
        Der: "AA==");

    public static PgpKeyFacts PgpKey(string email = "bob@example.com", DateTimeOffset? expiresAt = null, bool revoked = false,
        string[]? primaryFlags = null, PgpSubkeyFacts[]? subkeys = null) => new(
        Fingerprint: "0123456789ABCDEF0123456789ABCDEF01234567",
        KeyId: "89ABCDEF01234567",
        UserIds: email.Length == 0 ? [] : [$"Bob <{email}>"],
        Emails: email.Length == 0 ? [] : [email],
        CreatedAt: Now.AddYears(-1),
        ExpiresAt: expiresAt,
        Revoked: revoked,
        Algorithm: "RSA",
        KeySize: 2048,
        KeyFlags: primaryFlags ?? ["certify", "sign"],
        Subkeys: subkeys ?? [Subkey(["encryptCommunications", "encryptStorage"])],
        PublicKey: "AA==");

    public static PgpSubkeyFacts Subkey(string[] flags, DateTimeOffset? expiresAt = null, bool revoked = false) =>
        new("FEDCBA9876543210FEDCBA9876543210FEDCBA98", "FEDCBA98", "RSA", 2048, Now.AddYears(-1), expiresAt, revoked, flags);
}
