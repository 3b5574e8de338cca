using Marten;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;

namespace SecureMail.Application.Keystore.Pgp;

public sealed record RemovePgpKey(string Fingerprint, string Actor);

public static class RemovePgpKeyHandler
{
    public static async Task<KeystoreChange> Handle(RemovePgpKey command, IDocumentSession session, IKeyVault vault, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<PgpKeyEntry>(KeystoreIds.ForPgpKey(command.Fingerprint), cancellation);
        var decision = PgpKeyEntry.Remove(stream.Aggregate, command.Actor, clock.GetUtcNow());
        if (decision.Rejection is { } rejection)
            return KeystoreChange.Rejected(rejection);
        stream.AppendMany(decision.Events);
        vault.Destroy(session, stream.Id);
        return new KeystoreChange([new KeystoreChangeItem(stream.Aggregate!.Key.Fingerprint, "removed")], null);
    }
}
