using System.Security.Cryptography;
using System.Text;

namespace SecureMail.Domain.Keystore;

/// <summary>Stream ids derived from what identifies the material, so that the event store itself
/// refuses a second stream for the same certificate or key (two concurrent imports cannot both win).</summary>
public static class KeystoreIds
{
    public static Guid ForCertificate(string fingerprint) => Derive("smime-certificate", fingerprint);

    public static Guid ForRevocationList(string issuerFingerprint) => Derive("smime-crl", issuerFingerprint);

    public static Guid ForPgpKey(string fingerprint) => Derive("pgp-key", fingerprint);

    public static Guid ForCollectedKey(Settings.MailSecuritySystem system, string fingerprint) => Derive($"collected-{system}", fingerprint);

    public static readonly Guid SecureMailingSettings = Derive("settings", "secure-mailing");

    private static Guid Derive(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{name.ToLowerInvariant()}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 §5.8: version 8 (custom), variant 10.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
