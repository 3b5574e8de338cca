using System.Text.Json;
using Marten;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Keystore.Collected;

/// <summary>Puts the keys a message carried on the admins' review list. Nothing here trusts them: a candidate changes no
/// verdict until an admin imports it.</summary>
public static class KeyCollection
{
    /// <param name="held">Ids of keystore entries the caller has already read: a key among them is held without a lookup.</param>
    public static async Task CollectAsync(IDocumentSession session, IReadOnlyList<CarriedKey> carried, IReadOnlySet<Guid> held, KeyOrigin origin,
        CandidateOptions options, DateTimeOffset now, CancellationToken cancellation)
    {
        foreach (var key in carried.DistinctBy(k => (k.System, k.Fingerprint)).Take(CandidateOptions.PerMessage))
        {
            // Most signed mail comes from senders we hold: one lookup at most, and nothing more for them.
            if (held.Contains(HeldId(key)) || await session.LoadAsync<KeystoreEntry>(HeldId(key), cancellation) is not null)
                continue;
            var stream = await session.Events.FetchForWriting<CollectedKey>(CollectedKeys.IdFor(key.System, key.Fingerprint), cancellation);
            var events = CollectedKeys.Collect(stream.Aggregate, key, held: false, origin, Actors.System, now);
            if (events.Count == 0)
                continue;
            stream.AppendMany(events);
            await LapseAsync(session, key, options, now, cancellation);
        }
    }

    private static Guid HeldId(CarriedKey key) => key.System == MailSecuritySystem.SMIME
        ? KeystoreIds.ForCertificate(key.Fingerprint)
        : KeystoreIds.ForPgpKey(key.Fingerprint);

    private static async Task LapseAsync(IDocumentSession session, CarriedKey collected, CandidateOptions options, DateTimeOffset now,
        CancellationToken cancellation)
    {
        var newId = CollectedKeys.IdFor(collected.System, collected.Fingerprint);
        var others = await ForAddressesAsync(session, collected.System, collected.Emails, cancellation);
        var pending = others.Where(v => v.Id != newId).Select(v => new PendingCandidate(v.Id, v.Emails, v.LastSeenAt))
            .Append(new PendingCandidate(newId, collected.Emails, now)).ToList();
        foreach (var (id, reason) in CollectedKeys.Lapsing(pending, options.PerAddress, options.Retention, now).Where(l => l.Id != newId))
        {
            var stream = await session.Events.FetchForWriting<CollectedKey>(id, cancellation);
            stream.AppendMany(CollectedKeys.Dismiss(stream.Aggregate, reason, Actors.System, now).Events);
        }
    }

    /// <summary>Pending candidates holding any of these addresses, one index probe per address (as EntriesByAddress).</summary>
    public static async Task<IReadOnlyList<CollectedKeyView>> ForAddressesAsync(IQuerySession session, MailSecuritySystem system,
        IReadOnlyCollection<string> addresses, CancellationToken cancellation)
    {
        if (addresses.Count == 0)
            return [];
        var probes = string.Join(" or ", addresses.Select(_ => "data -> 'emails' @> ?::jsonb"));
        var parameters = addresses.Select(a => (object)JsonSerializer.Serialize(new[] { a })).Prepend(system.ToString()).ToArray();
        return await session.QueryAsync<CollectedKeyView>($"where data ->> 'system' = ? and ({probes})", cancellation, parameters);
    }
}
