using Marten;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Settings;
using Wolverine;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore.Smime;

/// <param name="Source">pkcs12 or pkcs8.</param>
public sealed record ImportPrivateKey(PrivateKeyMaterial Key, string Source, string Actor);

/// <summary>Attaches the key to every held certificate with the same public key (a renewed certificate may keep its key);
/// a PKCS#12 may bring its own certificate (the one with the key's public key, whatever its basic constraints), which is
/// imported with it. Chain certificates in a PKCS#12 are not imported: a trust anchor is only ever made by an explicit
/// certificate import.</summary>
public static class ImportPrivateKeyHandler
{
    public static async Task<(KeystoreChange, OutgoingMessages)> Handle(ImportPrivateKey command, IDocumentSession session, IKeyVault vault, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var publicKey = command.Key.PublicKeyFingerprint;
        var held = await session.Query<KeystoreEntry>()
            .Where(e => e.Kind == KeystoreEntryKind.SmimeCertificate && e.Certificate!.PublicKeyFingerprint == publicKey)
            .ToListAsync(cancellation);
        var candidates = held.Select(e => e.Certificate!)
            .Concat(command.Key.Certificates.Where(c => c.PublicKeyFingerprint == publicKey))
            .DistinctBy(c => c.Fingerprint)
            .ToList();
        if (candidates.Count == 0)
            return (KeystoreChange.Rejected(RejectionKind.Invalid,
                "No certificate in the keystore matches this private key. Import its certificate first, or upload a PKCS#12 file that contains it."), []);

        var plan = new List<BatchImport.Planned>();
        foreach (var certificate in candidates)
        {
            var stream = await session.Events.FetchForWriting<CertificateEntry>(KeystoreIds.ForCertificate(certificate.Fingerprint), cancellation);
            var decision = CertificateDecisions.ImportWithPrivateKey(stream.Aggregate, certificate, command.Source, command.Actor, now);
            plan.Add(new(certificate.Fingerprint, decision, events =>
            {
                stream.AppendMany(events);
                vault.Seal(session, stream.Id, command.Key.Pkcs8);
            }, "privateKeyImported", [new ArrivedKey(MailSecuritySystem.SMIME, ArrivedKeyKind.PrivateKey, certificate.Emails,
                $"private key of certificate {certificate.Subject} ({certificate.Fingerprint}) imported")]));
        }
        return BatchImport.CommitAndRetry(plan, command.Actor);
    }
}
