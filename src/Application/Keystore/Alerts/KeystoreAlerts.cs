using Marten;
using SecureMail.Domain.Keystore.Expiry;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Keystore.Alerts;

/// <summary>Keystore:ExpiryWarningDays (default 30): how far ahead an expiry is an alert.</summary>
public sealed record AlertOptions(int WarningDays)
{
    public static readonly AlertOptions Default = new(KeyExpiry.DefaultWarningDays);
}

/// <summary>What in the keystore ends within the warning window or has ended: the groups' own keys (expired too, since a
/// group without a key cannot sign), customers' certificates and PGP keys (expiring only: an expired one is gone from
/// use already, and listing it for years would bury what matters), and CRLs past their nextUpdate.</summary>
public static class KeystoreAlerts
{
    public static async Task<IReadOnlyList<KeystoreAlert>> ListAsync(IQuerySession session, AlertOptions options, DateTimeOffset now,
        CancellationToken cancellation)
    {
        var groupKeys = await GroupKeys.LongestLastingAsync(session, cancellation);
        var alerts = new List<KeystoreAlert>(GroupKeyAlerts(groupKeys, options.WarningDays, now));
        var groupAddresses = groupKeys.Select(k => k.Address).ToHashSet();
        alerts.AddRange(await CustomerAlerts(session, groupAddresses, options.WarningDays, now, cancellation));
        var revocationLists = await session.Query<RevocationList>().ToListAsync(cancellation);
        alerts.AddRange(revocationLists.Where(r => r.IsStale(now)).Select(r => new KeystoreAlert(KeystoreAlertCode.CrlStale, KeystoreAlertSeverity.Warning, MailSecuritySystem.SMIME,
            r.Crl.Issuer, r.Crl.Fingerprint, [], [], null, r.Crl.NextUpdate, ExpiryMessages.StaleCrl(r.Crl.Issuer, r.Crl.NextUpdate!.Value))));
        return alerts.OrderBy(a => a.Severity).ThenBy(a => a.ExpiresAt ?? a.NextUpdate).ToList();
    }

    /// <summary>The groups' keys that end within <paramref name="days"/> or have ended.</summary>
    public static IEnumerable<KeystoreAlert> GroupKeyAlerts(IReadOnlyList<GroupKey> groupKeys, int days, DateTimeOffset now) =>
        groupKeys.Where(k => KeyExpiry.EndsWithin(k.Entry.ExpiresAt, days, now))
            .GroupBy(k => k.Entry.Fingerprint)
            .Select(same =>
            {
                var key = same.First();
                var expiresAt = key.Entry.ExpiresAt!.Value;
                var groups = same.SelectMany(k => k.Groups).Distinct().Order(StringComparer.Ordinal).ToList();
                var expired = KeyExpiry.HasExpired(expiresAt, now);
                return new KeystoreAlert(expired ? KeystoreAlertCode.GroupKeyExpired : KeystoreAlertCode.GroupKeyExpiring,
                    KeyExpiry.EndsWithin(expiresAt, KeyExpiry.CriticalDays, now) ? KeystoreAlertSeverity.Critical : KeystoreAlertSeverity.Warning, key.System,
                    SubjectOf(key.Entry), key.Entry.Fingerprint, key.Entry.Emails, groups, expiresAt, null,
                    ExpiryMessages.GroupKey(key.SystemName, groups, key.Address, expiresAt, now));
            });

    private static async Task<IEnumerable<KeystoreAlert>> CustomerAlerts(IQuerySession session, IReadOnlySet<string> groupAddresses, int days,
        DateTimeOffset now, CancellationToken cancellation)
    {
        var until = now.AddDays(days);
        var ending = await session.Query<KeystoreEntry>().Where(e => e.ExpiresAt != null && e.ExpiresAt >= now && e.ExpiresAt <= until)
            .ToListAsync(cancellation);
        var customers = ending.Where(e => !(e.HasPrivateKey && e.Emails.Any(groupAddresses.Contains))).ToList();
        var alerts = new List<KeystoreAlert>();
        foreach (var kind in customers.GroupBy(e => e.Kind))
        {
            var siblings = await EntriesByAddress.FindAsync(session, kind.Key, kind.SelectMany(e => e.Emails).Distinct().ToList(), withPrivateKeyOnly: false,
                cancellation);
            alerts.AddRange(kind.Where(e => !IsSuperseded(e, siblings, until)).Select(e => e.Certificate is { } c
                ? new KeystoreAlert(KeystoreAlertCode.CertificateExpiring, KeystoreAlertSeverity.Warning, MailSecuritySystem.SMIME, c.Subject, e.Fingerprint, e.Emails, [],
                    e.ExpiresAt, null, ExpiryMessages.Certificate(c.Subject, e.Emails, e.ExpiresAt!.Value))
                : new KeystoreAlert(KeystoreAlertCode.PgpKeyExpiring, KeystoreAlertSeverity.Warning, MailSecuritySystem.PGP, SubjectOf(e), e.Fingerprint, e.Emails, [],
                    e.ExpiresAt, null, ExpiryMessages.PgpKey(SubjectOf(e), e.ExpiresAt!.Value))));
        }
        return alerts;
    }

    /// <summary>Every address of the entry has another key that outlasts the window: the customer has renewed already.</summary>
    private static bool IsSuperseded(KeystoreEntry entry, IReadOnlyList<KeystoreEntry> siblings, DateTimeOffset until) =>
        entry.Emails.Count > 0 && entry.Emails.All(address => siblings.Any(s =>
            s.Fingerprint != entry.Fingerprint && s.Emails.Contains(address) && (s.ExpiresAt is null || s.ExpiresAt > until)));

    private static string SubjectOf(KeystoreEntry entry) =>
        entry.Certificate?.Subject ?? entry.PgpKey?.UserIds.FirstOrDefault() ?? entry.Fingerprint;
}
