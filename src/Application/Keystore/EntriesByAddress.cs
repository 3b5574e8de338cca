using System.Text.Json;
using Marten;
using Marten.Services.BatchQuerying;

namespace SecureMail.Application.Keystore;

/// <summary>Keystore entries holding any of some addresses, found through the GIN index on their e-mail list
/// (<c>data -> 'emails' @> '["address"]'</c>, one probe per address, see StoreConfiguration). LINQ's
/// <c>Emails.Any(wanted.Contains)</c> became a filter no index answers: every entry was read, and the security
/// options grew slower with the keystore (ADR 17).</summary>
public static class EntriesByAddress
{
    public static async Task<IReadOnlyList<KeystoreEntry>> FindAsync(IQuerySession session, string kind, IReadOnlyCollection<string> addresses,
        bool withPrivateKeyOnly, CancellationToken cancellation)
    {
        if (addresses.Count == 0)
            return [];
        var entries = await session.QueryAsync<KeystoreEntry>($"where data ->> 'kind' = ? and ({Probes(addresses)})", cancellation,
            Parameters(kind, addresses));
        return entries.Where(e => !withPrivateKeyOnly || e.HasPrivateKey).ToList();
    }

    /// <summary>Entries of any of <paramref name="kinds"/> in one query.</summary>
    public static async Task<IReadOnlyList<KeystoreEntry>> FindAsync(IQuerySession session, IReadOnlyCollection<string> kinds,
        IReadOnlyCollection<string> addresses, bool withPrivateKeyOnly, CancellationToken cancellation)
    {
        if (addresses.Count == 0 || kinds.Count == 0)
            return [];
        var entries = await session.QueryAsync<KeystoreEntry>($"where data ->> 'kind' = any(?) and ({Probes(addresses)})", cancellation,
            Parameters(kinds.ToArray(), addresses));
        return entries.Where(e => !withPrivateKeyOnly || e.HasPrivateKey).ToList();
    }

    /// <summary>The same probes as a part of a batch, for entries of any of <paramref name="kinds"/>.</summary>
    public static Task<IReadOnlyList<KeystoreEntry>> Find(IBatchedQuery batch, IReadOnlyCollection<string> kinds, IReadOnlyCollection<string> addresses)
    {
        if (addresses.Count == 0 || kinds.Count == 0)
            return Task.FromResult<IReadOnlyList<KeystoreEntry>>([]);
        return batch.Query<KeystoreEntry>($"where data ->> 'kind' = any(?) and ({Probes(addresses)})", Parameters(kinds.ToArray(), addresses));
    }

    private static string Probes(IReadOnlyCollection<string> addresses) => string.Join(" or ", addresses.Select(_ => "data -> 'emails' @> ?::jsonb"));

    private static object[] Parameters(object kinds, IReadOnlyCollection<string> addresses) =>
        addresses.Select(a => (object)JsonSerializer.Serialize(new[] { a })).Prepend(kinds).ToArray();
}
