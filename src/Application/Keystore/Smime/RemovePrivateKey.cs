using Marten;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore.Smime;

public sealed record RemovePrivateKey(string Fingerprint, string Actor);

public static class RemovePrivateKeyHandler
{
    public static async Task<KeystoreChange> Handle(RemovePrivateKey command, IDocumentSession session, IKeyVault vault, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<CertificateEntry>(KeystoreIds.ForCertificate(command.Fingerprint), cancellation);
        var decision = CertificateDecisions.RemovePrivateKey(stream.Aggregate, command.Actor, clock.GetUtcNow());
        if (decision.Rejection is { } rejection)
            return KeystoreChange.Rejected(rejection);
        stream.AppendMany(decision.Events);
        vault.Destroy(session, stream.Id);
        return new KeystoreChange([new KeystoreChangeItem(stream.Aggregate!.Certificate.Fingerprint, "privateKeyRemoved")], null);
    }
}
