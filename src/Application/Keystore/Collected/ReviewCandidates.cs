using Marten;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Application.Keystore.Smime;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Domain.Settings;
using Wolverine;

namespace SecureMail.Application.Keystore.Collected;

/// <summary>An admin takes a candidate into the keystore: the keystore's import rules apply as to any upload, the
/// import names the article it came from, and the articles waiting for it are processed again.</summary>
public sealed record ImportCandidate(MailSecuritySystem System, string Fingerprint, string Actor);

public sealed record DismissCandidate(MailSecuritySystem System, string Fingerprint, string Actor);

public static class ImportCandidateHandler
{
    public static async Task<(KeystoreChange, OutgoingMessages)> Handle(ImportCandidate command, IDocumentSession session, CandidateOptions options,
        IPgpKeyMaterialReader pgpReader, IKeyVault vault, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var candidate = await CandidateQueries.PendingAsync(session, command.System, command.Fingerprint, options, now, cancellation);
        var collected = await session.Events.FetchForWriting<CollectedKey>(CollectedKeys.IdFor(command.System, command.Fingerprint), cancellation);
        var taken = CollectedKeys.Import(candidate is null ? null : collected.Aggregate, command.Actor, now);
        if (taken.Rejection is { } missing)
            return (KeystoreChange.Rejected(missing), []);

        var origin = collected.Aggregate!.LatestOrigin;
        var planned = candidate!.Certificate is { } certificate
            ? await PlanCertificate(session, certificate, origin, command.Actor, now, cancellation)
            : await ImportPgpKeysHandler.Plan(session, pgpReader, vault, new PgpKeyMaterial(candidate.PgpKey!, null), command.Actor, now, origin, cancellation);
        var result = BatchImport.CommitAndRetry([planned], command.Actor);
        if (result.Item1.Rejection is null)
            collected.AppendMany(taken.Events);
        return result;
    }

    private static async Task<BatchImport.Planned> PlanCertificate(IDocumentSession session, CertificateFacts certificate, KeyOrigin origin,
        string actor, DateTimeOffset now, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<CertificateEntry>(KeystoreIds.ForCertificate(certificate.Fingerprint), cancellation);
        return new(certificate.Fingerprint, CertificateDecisions.Import(stream.Aggregate, certificate, actor, now, origin), stream.AppendMany,
            Arrives: [ImportCertificatesHandler.Arrived(certificate)]);
    }
}

public static class DismissCandidateHandler
{
    public static async Task<KeystoreChange> Handle(DismissCandidate command, IDocumentSession session, CandidateOptions options, TimeProvider clock,
        CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var candidate = await CandidateQueries.PendingAsync(session, command.System, command.Fingerprint, options, now, cancellation);
        var collected = await session.Events.FetchForWriting<CollectedKey>(CollectedKeys.IdFor(command.System, command.Fingerprint), cancellation);
        var decision = CollectedKeys.Dismiss(candidate is null ? null : collected.Aggregate, CollectedKeys.ByAdmin, command.Actor, now);
        if (decision.Rejection is { } missing)
            return KeystoreChange.Rejected(missing);
        collected.AppendMany(decision.Events);
        return new KeystoreChange([new KeystoreChangeItem(collected.Aggregate!.Fingerprint, "dismissed")], null);
    }
}
