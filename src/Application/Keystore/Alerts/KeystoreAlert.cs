using System.Text.Json.Serialization;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Keystore.Alerts;

public enum KeystoreAlertCode
{
    [JsonStringEnumMemberName("group-key-expired")] GroupKeyExpired,
    [JsonStringEnumMemberName("group-key-expiring")] GroupKeyExpiring,
    [JsonStringEnumMemberName("certificate-expiring")] CertificateExpiring,
    [JsonStringEnumMemberName("pgp-key-expiring")] PgpKeyExpiring,
    [JsonStringEnumMemberName("crl-stale")] CrlStale,
}

public enum KeystoreAlertSeverity
{
    [JsonStringEnumMemberName("critical")] Critical,
    [JsonStringEnumMemberName("warning")] Warning,
}

/// <summary>Something in the keystore that ends, or has ended, and needs an admin.</summary>
/// <param name="Subject">A certificate's subject, a PGP key's first user ID, a CRL's issuer.</param>
/// <param name="Fingerprint">Of the certificate, PGP key or CRL.</param>
/// <param name="Groups">For a group key, the names of the groups it signs for; else empty.</param>
/// <param name="ExpiresAt">Certificates and keys.</param>
/// <param name="NextUpdate">CRLs.</param>
/// <param name="Message">The alert in words.</param>
public sealed record KeystoreAlert(
    KeystoreAlertCode Code,
    KeystoreAlertSeverity Severity,
    MailSecuritySystem System,
    string Subject,
    string Fingerprint,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Groups,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? NextUpdate,
    string Message);
