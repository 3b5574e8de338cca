using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Compose;

/// <param name="Mail">The message to send; null when protection failed.</param>
/// <param name="Failure">Why protection failed; then there are no events: the compose is refused as a whole.</param>
public sealed record ProtectionOutcome(ComposedMail? Mail, IReadOnlyList<object> Events, string? Failure);

/// <summary>Opens exactly the keys a <see cref="SecurityPlan"/> names (private keys from the vault, public ones from
/// the keystore), has the composer apply them, and records what was done.</summary>
public sealed class SecurityKeys(IKeyVault vault)
{
    private const int MaxChainLength = 8;

    public async Task<ProtectionOutcome> Protect(IQuerySession session, IOutgoingMailComposer composer, OutgoingMessage message, SecurityPlan plan,
        Guid ticketId, Guid articleId, string actor, DateTimeOffset now, CancellationToken cancellation)
    {
        if (plan.Requested.Type is not { } system)
            return new(composer.Compose(message, OutgoingProtection.None), [], null);
        try
        {
            var entries = await Entries(session, system, plan, cancellation);
            var protection = system == MailSecuritySystem.SMIME
                ? await Smime(session, plan, entries, cancellation)
                : await Pgp(session, plan, entries, cancellation);
            var composed = composer.Compose(message, protection);
            return new(composed, Record(system, plan, entries, composed, ticketId, articleId, actor, now), null);
        }
        catch (MailSecurityFailed failed)
        {
            return new(null, [], failed.Message);
        }
    }

    private static async Task<IReadOnlyDictionary<string, KeystoreEntry>> Entries(IQuerySession session, MailSecuritySystem system, SecurityPlan plan, CancellationToken cancellation)
    {
        var fingerprints = plan.Recipients.Append(plan.Signer).OfType<KeyCandidate>().Select(k => k.Fingerprint).Distinct();
        var ids = fingerprints.Select(f => system == MailSecuritySystem.SMIME ? KeystoreIds.ForCertificate(f) : KeystoreIds.ForPgpKey(f)).ToArray();
        var entries = await session.LoadManyAsync<KeystoreEntry>(cancellation, ids);
        return entries.ToDictionary(e => e.Fingerprint);
    }

    private async Task<OutgoingProtection> Smime(IQuerySession session, SecurityPlan plan, IReadOnlyDictionary<string, KeystoreEntry> entries, CancellationToken cancellation)
    {
        SmimeSigner? signer = null;
        if (plan.Signer is { } signing)
        {
            var entry = Held(entries, signing, SecurityOperation.Sign);
            var key = await vault.OpenAsync(session, entry.Id, cancellation)
                ?? throw new MailSecurityFailed(SecurityOperation.Sign, $"The private key of the certificate for {signing.Email} is no longer in the vault.");
            signer = new SmimeSigner(entry.Fingerprint, Convert.FromBase64String(entry.Certificate!.Der), await Chain(session, entry, cancellation), key);
        }
        var recipients = plan.Recipients
            .Select(r => new SmimeRecipient(r.Email, r.Fingerprint, Convert.FromBase64String(Held(entries, r, SecurityOperation.Encrypt).Certificate!.Der)))
            .ToList();
        return new SmimeProtection(signer, recipients);
    }

    private async Task<OutgoingProtection> Pgp(IQuerySession session, SecurityPlan plan, IReadOnlyDictionary<string, KeystoreEntry> entries, CancellationToken cancellation)
    {
        PgpSigner? signer = null;
        if (plan.Signer is { } signing)
        {
            var entry = Held(entries, signing, SecurityOperation.Sign);
            var ring = await vault.OpenAsync(session, entry.Id, cancellation)
                ?? throw new MailSecurityFailed(SecurityOperation.Sign, $"The secret PGP key for {signing.Email} is no longer in the vault.");
            signer = new PgpSigner(entry.Fingerprint, ring);
        }
        var recipients = plan.Recipients
            .Select(r => new PgpRecipient(r.Email, r.Fingerprint, Convert.FromBase64String(Held(entries, r, SecurityOperation.Encrypt).PgpKey!.PublicKey)))
            .ToList();
        return new PgpProtection(signer, recipients);
    }

    /// <summary>The issuing CA certificates held in the keystore, leaf's issuer first, so that recipients can build the chain.</summary>
    private static async Task<IReadOnlyList<byte[]>> Chain(IQuerySession session, KeystoreEntry leaf, CancellationToken cancellation)
    {
        var chain = new List<byte[]>();
        var current = leaf.Certificate!;
        while (chain.Count < MaxChainLength && current.Issuer != current.Subject)
        {
            var issuer = (await Authorities.Named(session, current.Issuer, cancellation)).FirstOrDefault()?.Certificate;
            if (issuer is null)
                break;
            chain.Add(Convert.FromBase64String(issuer.Der));
            current = issuer;
        }
        return chain;
    }

    private static KeystoreEntry Held(IReadOnlyDictionary<string, KeystoreEntry> entries, KeyCandidate key, SecurityOperation operation) =>
        entries.TryGetValue(key.Fingerprint, out var entry)
            ? entry
            : throw new MailSecurityFailed(operation, $"The key {key.Fingerprint} for {key.Email} was removed from the keystore.");

    private static IReadOnlyList<object> Record(MailSecuritySystem system, SecurityPlan plan, IReadOnlyDictionary<string, KeystoreEntry> entries,
        ComposedMail composed, Guid ticketId, Guid articleId, string actor, DateTimeOffset now)
    {
        var events = new List<object>();
        if (plan.Signer is { } signer)
        {
            var entry = entries[signer.Fingerprint];
            var name = entry.Certificate?.Subject ?? entry.PgpKey!.UserIds.FirstOrDefault() ?? signer.Email;
            events.Add(new ArticleSigned(ticketId, articleId, system, signer.Fingerprint, composed.SignerKeyFingerprint ?? signer.Fingerprint,
                signer.Email, name, composed.DigestAlgorithm ?? "unknown", now, actor));
        }
        if (plan.Recipients.Count > 0)
            events.Add(new ArticleEncrypted(ticketId, articleId, system, plan.Recipients.Select(r => r.Fingerprint).ToList(), composed.Cipher ?? "unknown", now,
                actor));
        return events;
    }
}
