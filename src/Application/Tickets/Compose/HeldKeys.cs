using System.Text.Json;
using Marten;
using Marten.Services.BatchQuerying;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Compose;

/// <summary>The keys held for a set of addresses, as the compose decision and the security options see them, with what
/// the composer needs of each: one batch for the entries of every address and the revocation lists, and, when an S/MIME
/// signer may be chosen, one query for the trust anchors that issued the sender's certificates. With PGP domain aliases
/// on, the PGP keys aliased to the addresses' domains come in the same batch.</summary>
public static class HeldKeys
{
    private const int MaxChainLength = 8;
    private static readonly IReadOnlyDictionary<string, KeystoreEntry> NoAnchors = new Dictionary<string, KeystoreEntry>();

    /// <param name="chainFor">The sender whose S/MIME certificates may sign: their issuers are loaded to go with the signature.</param>
    public static async Task<KeysByAddress> LoadAsync(IQuerySession session, IReadOnlyCollection<MailSecuritySystem> systems,
        IEnumerable<EmailAddress> addresses, EmailAddress? chainFor, PgpDomainAliases aliases, DateTimeOffset now, CancellationToken cancellation)
    {
        var wanted = addresses.Distinct().ToList();
        var batch = session.CreateBatchQuery();
        var entriesQuery = EntriesByAddress.Find(batch, systems.Select(KindOf).ToList(), wanted.Select(a => a.Value).ToList());
        var revocationsQuery = systems.Contains(MailSecuritySystem.SMIME)
            ? batch.Query<RevocationList>().ToList()
            : Task.FromResult<IReadOnlyList<RevocationList>>([]);
        var aliasedQuery = aliases.Enabled && systems.Contains(MailSecuritySystem.PGP)
            ? AliasedTo(batch, wanted.Select(a => a.Domain).Distinct().ToArray())
            : Task.FromResult<IReadOnlyList<KeystoreEntry>>([]);
        await batch.Execute(cancellation);
        var (entries, revocations, aliased) = (await entriesQuery, await revocationsQuery, await aliasedQuery);

        var anchors = chainFor is { } sender
            ? await AnchorsFor(session, entries.Where(e => e.HasPrivateKey && e.Emails.Contains(sender.Value)), cancellation)
            : NoAnchors;
        var own =
            from entry in entries
            from address in wanted
            where entry.Emails.Contains(address.Value)
            select Candidate(entry, address, revocations, anchors, now);
        var byDomain =
            from entry in aliased
            from address in wanted
            where entry.DomainAlias == address.Domain
            select Aliased(entry, address, now);
        return new KeysByAddress(own.Concat(byDomain));
    }

    /// <summary>One containment probe per domain, which the GIN index on the whole document answers.</summary>
    private static Task<IReadOnlyList<KeystoreEntry>> AliasedTo(IBatchedQuery batch, string[] domains)
    {
        if (domains.Length == 0)
            return Task.FromResult<IReadOnlyList<KeystoreEntry>>([]);
        var probes = string.Join(" or ", domains.Select(_ => "data @> ?::jsonb"));
        var parameters = domains.Select(d => (object)JsonSerializer.Serialize(new { kind = KeystoreEntryKind.PgpKey, domainAlias = d })).ToArray();
        return batch.Query<KeystoreEntry>($"where {probes}", parameters);
    }

    private static KeyCandidate Aliased(KeystoreEntry entry, EmailAddress address, DateTimeOffset now) =>
        KeyCandidate.Aliased(entry.PgpKey!, address, entry.DomainAlias!, now) with
        {
            Material = new KeyMaterial(entry.PgpKey!.UserIds.FirstOrDefault() ?? address, entry.PgpKey.PublicKey, [], entry.Id),
        };

    public static string KindOf(MailSecuritySystem system) =>
        system == MailSecuritySystem.SMIME ? KeystoreEntryKind.SmimeCertificate : KeystoreEntryKind.PgpKey;

    private static async Task<IReadOnlyDictionary<string, KeystoreEntry>> AnchorsFor(IQuerySession session, IEnumerable<KeystoreEntry> signers,
        CancellationToken cancellation)
    {
        var issuers = signers.Select(e => e.Certificate).OfType<CertificateFacts>()
            .Where(c => c.Issuer != c.Subject).Select(c => c.Issuer).Distinct().ToArray();
        if (issuers.Length == 0)
            return NoAnchors;
        var anchors = await session.Query<KeystoreEntry>()
            .Where(e => e.Kind == KeystoreEntryKind.SmimeCertificate && e.TrustAnchor && issuers.Contains(e.Certificate!.Subject))
            .ToListAsync(cancellation);
        return anchors.DistinctBy(a => a.Certificate!.Subject).ToDictionary(a => a.Certificate!.Subject);
    }

    private static KeyCandidate Candidate(KeystoreEntry entry, EmailAddress address, IReadOnlyList<RevocationList> revocations,
        IReadOnlyDictionary<string, KeystoreEntry> anchors, DateTimeOffset now)
    {
        if (entry.PgpKey is { } key)
            return KeyCandidate.Of(key, address, entry.HasPrivateKey, now) with
            {
                Material = new KeyMaterial(key.UserIds.FirstOrDefault() ?? address, key.PublicKey, [], entry.Id),
            };
        var certificate = entry.Certificate!;
        return KeyCandidate.Of(certificate, address, entry.HasPrivateKey, KeystoreQueries.IsRevoked(certificate, revocations), now) with
        {
            Material = new KeyMaterial(certificate.Subject, certificate.Der, entry.HasPrivateKey ? Chain(certificate, anchors) : [], entry.Id),
        };
    }

    /// <summary>The issuing CA certificates held as trust anchors, the leaf's issuer first, so that recipients can build the chain.</summary>
    private static IReadOnlyList<string> Chain(CertificateFacts leaf, IReadOnlyDictionary<string, KeystoreEntry> anchors)
    {
        var chain = new List<string>();
        var current = leaf;
        while (chain.Count < MaxChainLength && current.Issuer != current.Subject && anchors.TryGetValue(current.Issuer, out var issuer))
        {
            chain.Add(issuer.Certificate!.Der);
            current = issuer.Certificate;
        }
        return chain;
    }
}
