using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Groups;

/// <summary>The public half of the key a group signs with, for customers who ask for it: the one that lasts longest among
/// those held with their private part that are still usable (an expired or revoked one would only be refused by them).</summary>
public static class GroupPublicKeys
{
    public static async Task<KeystoreEntry?> CertificateAsync(IQuerySession session, Group group, DateTimeOffset now, CancellationToken cancellation)
    {
        var held = await EntriesByAddress.FindAsync(session, KeystoreEntryKind.SmimeCertificate, [group.EmailAddress], withPrivateKeyOnly: true, cancellation);
        var revocations = await session.Query<RevocationList>().ToListAsync(cancellation);
        return Longest(held.Where(e => CertificateUsability.CanSign(e.Certificate!, e.HasPrivateKey, KeystoreQueries.IsRevoked(e.Certificate!, revocations), now)));
    }

    public static async Task<KeystoreEntry?> PgpKeyAsync(IQuerySession session, Group group, DateTimeOffset now, CancellationToken cancellation)
    {
        var held = await EntriesByAddress.FindAsync(session, KeystoreEntryKind.PgpKey, [group.EmailAddress], withPrivateKeyOnly: true, cancellation);
        return Longest(held.Where(e => PgpKeyUsability.CanSign(e.PgpKey!, e.HasPrivateKey, now)));
    }

    private static KeystoreEntry? Longest(IEnumerable<KeystoreEntry> usable) => usable.MaxBy(e => e.ExpiresAt ?? DateTimeOffset.MaxValue);
}
