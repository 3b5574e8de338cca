using Marten;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Settings;
using Wolverine;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Keystore.Pgp;

namespace SecureMail.Application.Keystore.Pgp;

public sealed record ImportPgpKeys(IReadOnlyList<PgpKeyMaterial> Keys, string Actor);

public static class ImportPgpKeysHandler
{
    public static async Task<(KeystoreChange, OutgoingMessages)> Handle(ImportPgpKeys command, IDocumentSession session, IPgpKeyMaterialReader reader,
        IKeyVault vault, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var plan = new List<BatchImport.Planned>();
        foreach (var key in command.Keys.DistinctBy(k => k.Facts.Fingerprint))
            plan.Add(await Plan(session, reader, vault, key, command.Actor, now, null, cancellation));
        return BatchImport.CommitAndRetry(plan, command.Actor);
    }

    /// <summary>A key not held is imported as uploaded; a key held is merged with the upload first, so that the decision
    /// sees the held key plus what the copy adds, and a copy lacking what the held key knows takes nothing away.</summary>
    public static async Task<BatchImport.Planned> Plan(IDocumentSession session, IPgpKeyMaterialReader reader, IKeyVault vault, PgpKeyMaterial key,
        string actor, DateTimeOffset now, KeyOrigin? origin, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<PgpKeyEntry>(KeystoreIds.ForPgpKey(key.Facts.Fingerprint), cancellation);
        var facts = stream.Aggregate is { IsHeld: true } held ? reader.Merge(held.Key, key.Facts) : key.Facts;
        var decision = PgpKeyEntry.Import(stream.Aggregate, facts, key.SecretKeyRing is not null, actor, now, origin);
        var secretImported = decision.Events.OfType<PgpSecretKeyImported>().Any();
        return new(key.Facts.Fingerprint, decision, events =>
        {
            stream.AppendMany(events);
            // A secret key already held stays in the vault as it is: a refresh changes public facts only.
            if (secretImported)
                vault.Seal(session, stream.Id, key.SecretKeyRing!);
        }, Status(decision), Arrived(facts, secretImported, decision.Events.OfType<PgpKeyRefreshed>().FirstOrDefault()));
    }

    private static string Status(Domain.Common.Decision decision) => decision.Events.FirstOrDefault() switch
    {
        PgpKeyRefreshed => "refreshed",
        PgpSecretKeyImported => "secretKeyImported",
        _ => "imported",
    };

    /// <summary>A refresh may bring a subkey that signed mail still waiting; a revocation turns such mail invalid, never valid.</summary>
    private static IReadOnlyList<ArrivedKey> Arrived(PgpKeyFacts key, bool withSecretKey, PgpKeyRefreshed? refresh)
    {
        var name = $"PGP key {key.UserIds.FirstOrDefault()} ({key.Fingerprint})";
        var what = refresh is null ? "imported" : $"refreshed ({string.Join("; ", refresh.Changes)})";
        var signer = new ArrivedKey(MailSecuritySystem.PGP, ArrivedKeyKind.SignerKey, key.Emails, $"{name} {what}");
        return withSecretKey ? [signer, new ArrivedKey(MailSecuritySystem.PGP, ArrivedKeyKind.PrivateKey, key.Emails, $"secret key of {name} imported")] : [signer];
    }
}
