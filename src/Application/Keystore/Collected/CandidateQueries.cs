using Marten;
using Marten.Linq.MatchesSql;
using SecureMail.Application.Keystore.Listing;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Keystore.Collected;

/// <summary>A candidate as admins review it.</summary>
/// <param name="Subject">S/MIME: the certificate's subject.</param>
/// <param name="UserIds">PGP: the key's user IDs.</param>
/// <param name="NotBefore">S/MIME: notBefore; PGP: the key's creation time.</param>
/// <param name="NotAfter">S/MIME: notAfter; PGP: the key's expiry, null when it never expires.</param>
/// <param name="Sources">How it arrived: cms-signer, pgp-keys, autocrypt.</param>
/// <param name="ConflictsWith">Keystore entries for one of its addresses with another fingerprint: a replacement key, or
/// someone posing as a known sender. Check with the sender before importing.</param>
public sealed record CandidateView(
    string Fingerprint,
    string? Subject,
    IReadOnlyList<string>? UserIds,
    IReadOnlyList<string> Emails,
    string? Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset? NotAfter,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    IReadOnlyList<string> Sources,
    IReadOnlyList<KeyOrigin> Articles,
    IReadOnlyList<string> ConflictsWith);

public static class CandidateQueries
{
    public static async Task<ListPage<CandidateView>> ListAsync(IQuerySession session, MailSecuritySystem system, string? email, KeystoreSearch? search,
        PageRequest page, CandidateOptions options, DateTimeOffset now, CancellationToken cancellation)
    {
        var pending = string.IsNullOrWhiteSpace(email)
            ? await Pending(session, system, search, now - options.Retention).ToPageAsync(page, cancellation)
            : ListPage<CollectedKeyView>.Of((await KeyCollection.ForAddressesAsync(session, system, [email.Trim().ToLowerInvariant()], cancellation))
                .Where(c => c.LastSeenAt >= now - options.Retention && (search is null || search.Matches(c.Fingerprint, c.Emails, c.Certificate?.Subject, c.PgpKey?.UserIds)))
                .OrderByDescending(c => c.LastSeenAt).ToList(), page);
        var held = await EntriesByAddress.FindAsync(session, KindOf(system), pending.Items.SelectMany(c => c.Emails).Distinct().ToList(),
            withPrivateKeyOnly: false, cancellation);
        return pending.Select(c => View(c, held));
    }

    private static IQueryable<CollectedKeyView> Pending(IQuerySession session, MailSecuritySystem system, KeystoreSearch? search, DateTimeOffset since)
    {
        var query = session.Query<CollectedKeyView>().Where(c => c.System == system && c.LastSeenAt >= since);
        if (search is not null)
        {
            var (sql, parameters) = search.Sql();
            query = query.Where(c => c.MatchesSql(sql, parameters));
        }
        return query.OrderByDescending(c => c.LastSeenAt).ThenBy(c => c.Id);
    }

    /// <summary>A candidate still waiting for review: collected, neither imported nor dismissed, not lapsed.</summary>
    public static async Task<CollectedKeyView?> PendingAsync(IQuerySession session, MailSecuritySystem system, string fingerprint,
        CandidateOptions options, DateTimeOffset now, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<CollectedKeyView>(CollectedKeys.IdFor(system, fingerprint), cancellation);
        return view is not null && view.LastSeenAt >= now - options.Retention ? view : null;
    }

    private static string KindOf(MailSecuritySystem system) =>
        system == MailSecuritySystem.SMIME ? KeystoreEntryKind.SmimeCertificate : KeystoreEntryKind.PgpKey;

    private static CandidateView View(CollectedKeyView c, IReadOnlyList<KeystoreEntry> held)
    {
        var conflicts = held.Where(e => e.Fingerprint != c.Fingerprint && e.Emails.Intersect(c.Emails).Any()).Select(e => e.Fingerprint).ToList();
        return c.Certificate is { } certificate
            ? new(c.Fingerprint, certificate.Subject, null, c.Emails, certificate.Issuer, certificate.NotBefore, certificate.NotAfter,
                c.FirstSeenAt, c.LastSeenAt, c.Sources, c.Articles, conflicts)
            : new(c.Fingerprint, null, c.PgpKey!.UserIds, c.Emails, null, c.PgpKey.CreatedAt, c.PgpKey.ExpiresAt,
                c.FirstSeenAt, c.LastSeenAt, c.Sources, c.Articles, conflicts);
    }
}
