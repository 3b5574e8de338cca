namespace SecureMail.Domain.Keystore.Smime;

/// <summary>Whether a certificate can sign or encrypt at a given moment. Time-dependent, so it is
/// computed when asked, never stored in a read model. A self-signed certificate made by `openssl req -x509`
/// is CA:TRUE yet carries its owner's address: it is usable when its e-mail and key usage say so. A certificate
/// the key policy calls weak is never usable, though it may have been imported before the policy.</summary>
public static class CertificateUsability
{
    public static bool IsExpired(CertificateFacts c, DateTimeOffset now) => now > c.NotAfter;

    public static bool IsCurrentlyValid(CertificateFacts c, DateTimeOffset now) => now >= c.NotBefore && now <= c.NotAfter;

    public static bool CanSign(CertificateFacts c, bool hasPrivateKey, bool revoked, DateTimeOffset now) =>
        hasPrivateKey && IsUsableForMail(c, revoked, now) && Allows(c.KeyUsages, "digitalSignature", "nonRepudiation");

    // RFC 8550 §4.4.2: RSA recipients need keyEncipherment, EC (ECDH) recipients keyAgreement.
    public static bool CanEncrypt(CertificateFacts c, bool revoked, DateTimeOffset now) =>
        IsUsableForMail(c, revoked, now) && Allows(c.KeyUsages, c.KeyAlgorithm == "EC" ? "keyAgreement" : "keyEncipherment");

    private static bool IsUsableForMail(CertificateFacts c, bool revoked, DateTimeOffset now) =>
        !revoked && c.Emails.Count > 0 && IsCurrentlyValid(c, now) && KeyPolicy.Of(c) is null &&
        (c.ExtendedKeyUsages is null || c.ExtendedKeyUsages.Contains("emailProtection") || c.ExtendedKeyUsages.Contains("anyExtendedKeyUsage"));

    // RFC 5280 §4.2.1.3: an absent key usage extension puts no restriction on the key.
    private static bool Allows(IReadOnlyList<string>? usages, params string[] wanted) =>
        usages is null || wanted.Any(usages.Contains);
}
