using Marten;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Settings;
using Wolverine;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;

namespace SecureMail.Application.Keystore.Pgp;

public sealed record ImportPgpKeys(IReadOnlyList<PgpKeyMaterial> Keys, string Actor);

public static class ImportPgpKeysHandler
{
    public static async Task<(KeystoreChange, OutgoingMessages)> Handle(ImportPgpKeys command, IDocumentSession session, IKeyVault vault, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var plan = new List<BatchImport.Planned>();
        foreach (var key in command.Keys.DistinctBy(k => k.Facts.Fingerprint))
        {
            var stream = await session.Events.FetchForWriting<PgpKeyEntry>(KeystoreIds.ForPgpKey(key.Facts.Fingerprint), cancellation);
            var decision = PgpKeyEntry.Import(stream.Aggregate, key.Facts, key.SecretKeyRing is not null, command.Actor, now);
            plan.Add(new(key.Facts.Fingerprint, decision, events =>
            {
                stream.AppendMany(events);
                if (key.SecretKeyRing is { } secret)
                    vault.Seal(session, stream.Id, secret);
            }, stream.Aggregate is { IsHeld: true } ? "secretKeyImported" : "imported", Arrived(key.Facts, key.SecretKeyRing is not null)));
        }
        return BatchImport.CommitAndRetry(plan, command.Actor);
    }

    public static IReadOnlyList<ArrivedKey> Arrived(PgpKeyFacts key, bool withSecretKey)
    {
        var name = $"PGP key {key.UserIds.FirstOrDefault()} ({key.Fingerprint})";
        var signer = new ArrivedKey(MailSecuritySystem.PGP, ArrivedKeyKind.SignerKey, key.Emails, $"{name} imported");
        return withSecretKey ? [signer, new ArrivedKey(MailSecuritySystem.PGP, ArrivedKeyKind.PrivateKey, key.Emails, $"secret key of {name} imported")] : [signer];
    }
}
