using Marten;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore.Smime;

public sealed record RemoveCrl(Guid Id, string Actor);

public static class RemoveCrlHandler
{
    public static async Task<KeystoreChange> Handle(RemoveCrl command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<RevocationList>(command.Id, cancellation);
        var decision = RevocationList.Remove(stream.Aggregate, command.Actor, clock.GetUtcNow());
        if (decision.Rejection is { } rejection)
            return KeystoreChange.Rejected(rejection);
        stream.AppendMany(decision.Events);
        return new KeystoreChange([new KeystoreChangeItem(stream.Aggregate!.Crl.Fingerprint, "removed")], null);
    }
}
