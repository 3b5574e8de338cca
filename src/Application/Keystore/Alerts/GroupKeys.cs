using Marten;
using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Keystore.Alerts;

/// <summary>The key a group signs (and is decrypted) with in one system: a certificate with its private key, or a PGP
/// secret key, for the group's address.</summary>
/// <param name="Groups">Every group that sends from <paramref name="Address"/>.</param>
public sealed record GroupKey(MailSecuritySystem System, string Address, IReadOnlyList<string> Groups, KeystoreEntry Entry)
{
    public string SystemName => System == MailSecuritySystem.SMIME ? "S/MIME" : "PGP";
}

public static class GroupKeys
{
    /// <summary>Per address and system, the key held that lasts longest. A group that imported its renewed key before the
    /// old one ended is not warned about the old one: compose already signs with the one that lasts longest.</summary>
    public static async Task<IReadOnlyList<GroupKey>> LongestLastingAsync(IQuerySession session, CancellationToken cancellation)
    {
        var groups = await session.Query<Group>().ToListAsync(cancellation);
        var byAddress = groups.GroupBy(g => EmailAddress.Of(g.EmailAddress).Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(group => group.Name).Order(StringComparer.Ordinal).ToList());
        var keys = new List<GroupKey>();
        foreach (var (system, kind) in new[] { (MailSecuritySystem.SMIME, KeystoreEntryKind.SmimeCertificate), (MailSecuritySystem.PGP, KeystoreEntryKind.PgpKey) })
        {
            var entries = await EntriesByAddress.FindAsync(session, kind, byAddress.Keys, withPrivateKeyOnly: true, cancellation);
            foreach (var (address, names) in byAddress)
                if (entries.Where(e => e.Emails.Contains(address)).MaxBy(e => e.ExpiresAt ?? DateTimeOffset.MaxValue) is { } longest)
                    keys.Add(new GroupKey(system, address, names, longest));
        }
        return keys;
    }
}
