using Marten;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore.Smime;

public sealed record ImportCrl(CrlFacts Crl, string Actor);

public static class ImportCrlHandler
{
    public static async Task<KeystoreChange> Handle(ImportCrl command, IDocumentSession session, ISmimeKeyMaterialReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        var crl = command.Crl;
        var authorities = await Authorities.Named(session, crl.Issuer, cancellation);
        if (authorities.Count == 0)
            return KeystoreChange.Rejected(RejectionKind.Invalid, $"No trust anchor is the issuer of this CRL ({crl.Issuer}). Import the CA certificate as a trust anchor first.");
        // A CRL is only as trustworthy as its signature: an unsigned "revocation" could un-revoke nothing, but a forged one could revoke anyone.
        var issuer = authorities.FirstOrDefault(a => reader.IsCrlSignedBy(crl, a.Certificate!));
        if (issuer is null)
            return KeystoreChange.Rejected(RejectionKind.Invalid, $"The CRL's signature does not verify with the trust anchor {crl.Issuer}.");

        var issuerEntry = new CertificateEntry(issuer.Id, issuer.Certificate!, issuer.HasPrivateKey, false);
        var stream = await session.Events.FetchForWriting<RevocationList>(KeystoreIds.ForRevocationList(issuer.Fingerprint), cancellation);
        var decision = RevocationList.Import(stream.Aggregate, issuerEntry, crl, command.Actor, clock.GetUtcNow());
        if (decision.Rejection is { } rejection)
            return KeystoreChange.Rejected(rejection);
        stream.AppendMany(decision.Events);
        return new KeystoreChange([new KeystoreChangeItem(crl.Fingerprint, "imported")], null);
    }
}
