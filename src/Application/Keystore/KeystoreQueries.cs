using Marten;
using Marten.Linq.MatchesSql;
using SecureMail.Application.Keystore.Listing;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore;

/// <param name="Email">Case-insensitive exact address.</param>
/// <param name="Expired">true: only expired; false: only not expired.</param>
/// <param name="ExpiresWithinDays">Only entries that expire between now and now + days (the renewal list).</param>
/// <param name="Search">The search box's text.</param>
public sealed record KeystoreFilter(string? Email, bool? Expired, int? ExpiresWithinDays, KeystoreSearch? Search = null)
{
    /// <summary>The same filter applied to an entry in memory (time travel replays entries rather than querying them).</summary>
    public bool Matches(KeystoreEntry entry, DateTimeOffset now)
    {
        var expired = entry.ExpiresAt is { } at && at < now;
        return (string.IsNullOrWhiteSpace(Email) || entry.Emails.Contains(Email.Trim().ToLowerInvariant()))
            && (Expired is null || Expired == expired)
            && (ExpiresWithinDays is not { } days || (entry.ExpiresAt is { } until && until >= now && until <= now.AddDays(days)))
            && (Search is null || Search.Matches(entry.Fingerprint, entry.Emails, entry.Certificate?.Subject, entry.PgpKey?.UserIds));
    }
}

public static class KeystoreQueries
{
    /// <summary>Fingerprints arrive in every spelling people copy them in: with colons or spaces, any case.</summary>
    public static string NormalizeFingerprint(string fingerprint) =>
        new string(fingerprint.Where(char.IsAsciiHexDigit).ToArray());

    public static async Task<ListPage<CertificateView>> Certificates(IQuerySession session, KeystoreFilter filter, PageRequest page, DateTimeOffset now,
        CancellationToken cancellation)
    {
        var entries = await Filtered(session, KeystoreEntryKind.SmimeCertificate, filter, now).ToPageAsync(page, cancellation);
        var revocations = await session.Query<RevocationList>().ToListAsync(cancellation);
        return entries.Select(e => CertificateView.From(e, IsRevoked(e.Certificate!, revocations), now));
    }

    public static async Task<CertificateView?> Certificate(IQuerySession session, string fingerprint, DateTimeOffset now, CancellationToken cancellation)
    {
        var entry = await session.LoadAsync<KeystoreEntry>(KeystoreIds.ForCertificate(NormalizeFingerprint(fingerprint)), cancellation);
        if (entry?.Certificate is null)
            return null;
        var revocations = await session.Query<RevocationList>().Where(r => r.Crl.Issuer == entry.Certificate.Issuer).ToListAsync(cancellation);
        return CertificateView.From(entry, IsRevoked(entry.Certificate, revocations), now);
    }

    public static async Task<ListPage<PgpKeyView>> PgpKeys(IQuerySession session, KeystoreFilter filter, PageRequest page, DateTimeOffset now,
        CancellationToken cancellation) =>
        (await Filtered(session, KeystoreEntryKind.PgpKey, filter, now).ToPageAsync(page, cancellation)).Select(e => PgpKeyView.From(e, now));

    public static async Task<KeystoreEntry?> PgpKey(IQuerySession session, string fingerprint, CancellationToken cancellation)
    {
        var entry = await session.LoadAsync<KeystoreEntry>(KeystoreIds.ForPgpKey(NormalizeFingerprint(fingerprint)), cancellation);
        return entry?.PgpKey is null ? null : entry;
    }

    private static IQueryable<KeystoreEntry> Filtered(IQuerySession session, string kind, KeystoreFilter filter, DateTimeOffset now)
    {
        var query = session.Query<KeystoreEntry>().Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Email))
        {
            var email = filter.Email.Trim().ToLowerInvariant();
            query = query.Where(e => e.Emails.Contains(email));
        }
        if (filter.Expired == true)
            query = query.Where(e => e.ExpiresAt != null && e.ExpiresAt < now);
        if (filter.Expired == false)
            query = query.Where(e => e.ExpiresAt == null || e.ExpiresAt >= now);
        if (filter.ExpiresWithinDays is { } days)
        {
            var until = now.AddDays(days);
            query = query.Where(e => e.ExpiresAt != null && e.ExpiresAt >= now && e.ExpiresAt <= until);
        }
        if (filter.Search is { } search)
        {
            var (sql, parameters) = search.Sql();
            query = query.Where(e => e.MatchesSql(sql, parameters));
        }
        return query.OrderBy(e => e.ImportedAt).ThenBy(e => e.Id);
    }

    public static bool IsRevoked(CertificateFacts certificate, IEnumerable<RevocationList> revocations) =>
        revocations.Any(r => r.Revokes(certificate));
}
