using Marten;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Settings;
using Wolverine;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore.Smime;

/// <param name="AsTrustAnchors">The admin imports them to vouch for the certificates they issue, not as mail identities.</param>
public sealed record ImportCertificates(IReadOnlyList<CertificateFacts> Certificates, string Actor, bool AsTrustAnchors = false);

public static class ImportCertificatesHandler
{
    public static async Task<(KeystoreChange, OutgoingMessages)> Handle(ImportCertificates command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var plan = new List<BatchImport.Planned>();
        foreach (var certificate in command.Certificates.DistinctBy(c => c.Fingerprint))
        {
            var stream = await session.Events.FetchForWriting<CertificateEntry>(KeystoreIds.ForCertificate(certificate.Fingerprint), cancellation);
            var decision = command.AsTrustAnchors
                ? CertificateDecisions.ImportTrustAnchor(stream.Aggregate, certificate, command.Actor, now)
                : CertificateDecisions.Import(stream.Aggregate, certificate, command.Actor, now);
            plan.Add(new(certificate.Fingerprint, decision, stream.AppendMany, Arrives: [Arrived(certificate, command.AsTrustAnchors)]));
        }
        return BatchImport.CommitAndRetry(plan, command.Actor);
    }

    public static ArrivedKey Arrived(CertificateFacts certificate, bool asTrustAnchor = false) => new(MailSecuritySystem.SMIME,
        asTrustAnchor ? ArrivedKeyKind.Authority : ArrivedKeyKind.SignerKey, certificate.Emails,
        $"{(asTrustAnchor ? "trust anchor" : "certificate")} {certificate.Subject} ({certificate.Fingerprint}) imported");
}
