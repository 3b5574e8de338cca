using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Compose;

/// <summary>The keys held for a set of addresses, as the compose decision and the security options see them, with what
/// the composer needs of each: one batch for the entries of every address and the revocation lists, and, when an S/MIME
/// signer may be chosen, one query for the trust anchors that issued the sender's certificates.</summary>
public static class HeldKeys
{
    private const int MaxChainLength = 8;
    private static readonly IReadOnlyDictionary<string, KeystoreEntry> NoAnchors = new Dictionary<string, KeystoreEntry>();

    /// <param name="chainFor">The sender whose S/MIME certificates may sign: their issuers are loaded to go with the signature.</param>
    public static async Task<KeysByAddress> LoadAsync(IQuerySession session, IReadOnlyCollection<MailSecuritySystem> systems,
        IEnumerable<EmailAddress> addresses, EmailAddress? chainFor, DateTimeOffset now, CancellationToken cancellation)
    {
        var wanted = addresses.Distinct().ToList();
        var batch = session.CreateBatchQuery();
        var entriesQuery = EntriesByAddress.Find(batch, systems.Select(KindOf).ToList(), wanted.Select(a => a.Value).ToList());
        var revocationsQuery = systems.Contains(MailSecuritySystem.SMIME)
            ? batch.Query<RevocationList>().ToList()
            : Task.FromResult<IReadOnlyList<RevocationList>>([]);
        await batch.Execute(cancellation);
        var (entries, revocations) = (await entriesQuery, await revocationsQuery);

        var anchors = chainFor is { } sender
            ? await AnchorsFor(session, entries.Where(e => e.HasPrivateKey && e.Emails.Contains(sender.Value)), cancellation)
            : NoAnchors;
        return new KeysByAddress(
            from entry in entries
            from address in wanted
            where entry.Emails.Contains(address.Value)
            select Candidate(entry, address, revocations, anchors, now));
    }

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
