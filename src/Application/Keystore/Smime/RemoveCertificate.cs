using Marten;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore.Smime;

public sealed record RemoveCertificate(string Fingerprint, string Actor);

public sealed record RemovePrivateKey(string Fingerprint, string Actor);

/// <summary>Removing a certificate and removing only its private key both destroy the key in the vault, in the
/// transaction that records why; they differ in the decision and in what the answer says was done.</summary>
public static class RemoveCertificateHandler
{
    public static Task<KeystoreChange> Handle(RemoveCertificate command, IDocumentSession session, IKeyVault vault, TimeProvider clock,
        CancellationToken cancellation) =>
        DestroyKeyAsync(session, vault, command.Fingerprint, entry => CertificateDecisions.Remove(entry, command.Actor, clock.GetUtcNow()), "removed",
            cancellation);

    public static Task<KeystoreChange> Handle(RemovePrivateKey command, IDocumentSession session, IKeyVault vault, TimeProvider clock,
        CancellationToken cancellation) =>
        DestroyKeyAsync(session, vault, command.Fingerprint, entry => CertificateDecisions.RemovePrivateKey(entry, command.Actor, clock.GetUtcNow()),
            "privateKeyRemoved", cancellation);

    private static async Task<KeystoreChange> DestroyKeyAsync(IDocumentSession session, IKeyVault vault, string fingerprint,
        Func<CertificateEntry?, Decision> decide, string done, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<CertificateEntry>(KeystoreIds.ForCertificate(fingerprint), cancellation);
        var decision = decide(stream.Aggregate);
        if (decision.Rejection is { } rejection)
            return KeystoreChange.Rejected(rejection);
        stream.AppendMany(decision.Events);
        vault.Destroy(session, stream.Id);
        return new KeystoreChange([new KeystoreChangeItem(stream.Aggregate!.Certificate.Fingerprint, done)], null);
    }
}
