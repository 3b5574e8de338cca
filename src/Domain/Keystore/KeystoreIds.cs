using SecureMail.Domain.Common;

namespace SecureMail.Domain.Keystore;

/// <summary>Stream ids derived from what identifies the material, so that the event store itself
/// refuses a second stream for the same certificate or key (two concurrent imports cannot both win).</summary>
public static class KeystoreIds
{
    public static Guid ForCertificate(string fingerprint) => Derive("smime-certificate", fingerprint);

    public static Guid ForRevocationList(string issuerFingerprint) => Derive("smime-crl", issuerFingerprint);

    public static Guid ForPgpKey(string fingerprint) => Derive("pgp-key", fingerprint);

    public static Guid ForCollectedKey(Settings.MailSecuritySystem system, string fingerprint) => Derive($"collected-{system}", fingerprint);

    /// <summary>One stream per key and threshold: the second node to warn about the same key at the same threshold finds it taken.</summary>
    public static Guid ForExpiryWarning(string fingerprint, int thresholdDays) =>
        Derive("key-expiry-warning", $"{Fingerprint.Of(fingerprint)}:{thresholdDays}");

    public static readonly Guid SecureMailingSettings = Derive("settings", "secure-mailing");

    private static Guid Derive(string kind, string name) => DerivedId.From(kind, name);
}
