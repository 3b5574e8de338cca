using JasperFx.Events;
using Marten;
using Marten.Events;
using SecureMail.Application.Keystore.Listing;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore;

/// <summary>"Which keys did we hold, and was this certificate trusted, on that day?": the keystore replayed from its
/// events up to a moment through the live projections, and judged (expiry, revocation) as of that moment.</summary>
public static class KeystoreTimeTravel
{
    public static async Task<ListPage<CertificateView>> Certificates(IQuerySession session, KeystoreFilter filter, PageRequest page, DateTimeOffset asOf,
        CancellationToken cancellation)
    {
        var events = await EventsUntil(session, asOf, cancellation, typeof(CertificateImported), typeof(PrivateKeyImported), typeof(PrivateKeyRemoved), typeof(CertificateRemoved), typeof(CrlImported), typeof(CrlRemoved));
        var revocations = events.GroupBy(e => e.StreamId)
            .Select(stream => stream.Select(e => e.Data).Aggregate((RevocationList?)null, (list, e) => e switch
            {
                CrlImported imported => list?.Apply(imported) ?? RevocationList.Create(imported),
                CrlRemoved => null,
                _ => list,
            }))
            .OfType<RevocationList>().ToList();
        return ListPage<KeystoreEntry>.Of(Entries(events).Where(e => e.Certificate is not null && filter.Matches(e, asOf)).ToList(), page)
            .Select(e => CertificateView.From(e, KeystoreQueries.IsRevoked(e.Certificate!, revocations), asOf));
    }

    public static async Task<ListPage<PgpKeyView>> PgpKeys(IQuerySession session, KeystoreFilter filter, PageRequest page, DateTimeOffset asOf,
        CancellationToken cancellation)
    {
        var events = await EventsUntil(session, asOf, cancellation, typeof(PgpKeyImported), typeof(PgpKeyRefreshed), typeof(PgpSecretKeyImported), typeof(PgpKeyRemoved),
            typeof(PgpKeyDomainAliasSet), typeof(PgpKeyDomainAliasRemoved));
        return ListPage<KeystoreEntry>.Of(Entries(events).Where(e => e.PgpKey is not null && filter.Matches(e, asOf)).ToList(), page)
            .Select(e => PgpKeyView.From(e, asOf));
    }

    private static async Task<IReadOnlyList<IEvent>> EventsUntil(IQuerySession session, DateTimeOffset asOf, CancellationToken cancellation, params Type[] types) =>
        await session.Events.QueryAllRawEvents().Where(e => e.Timestamp <= asOf && e.EventTypesAre(types)).OrderBy(e => e.Sequence).ToListAsync(cancellation);

    private static IEnumerable<KeystoreEntry> Entries(IReadOnlyList<IEvent> events)
    {
        var projection = new KeystoreEntryProjection();
        return events.GroupBy(e => e.StreamId)
            .Select(stream => stream.Aggregate((KeystoreEntry?)null, (entry, e) => projection.Evolve(entry, stream.Key, e)))
            .OfType<KeystoreEntry>()
            .OrderBy(e => e.ImportedAt);
    }
}
