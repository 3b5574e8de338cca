using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;

namespace SecureMail.Application.Inbound;

/// <summary>The keystore as one inbound message sees it, loaded as data before each step of the reader: private keys only
/// for the addresses it was sent to, public material only for the signers it names. Nothing the message carries is ever
/// added here (docs/inbound-status.md#carried-keys-are-not-trusted).</summary>
public static class InboundKeyLoading
{
    public static async Task<DecryptionKeys> DecryptionKeysAsync(IQuerySession session, IKeyVault vault, InboundEnvelope envelope,
        CancellationToken cancellation)
    {
        var addresses = EmailAddress.Distinct([.. envelope.To, .. envelope.Cc, .. envelope.DeliveredTo]).Select(a => a.Value).ToArray();
        var smime = new List<SmimeDecryptionKey>();
        foreach (var entry in await EntriesByAddress.FindAsync(session, KeystoreEntryKind.SmimeCertificate, addresses, withPrivateKeyOnly: true, cancellation))
            if (await vault.OpenAsync(session, entry.Id, cancellation) is { } key)
                smime.Add(new SmimeDecryptionKey(entry.Fingerprint, Convert.FromBase64String(entry.Certificate!.Der), key));
        var pgp = new List<PgpDecryptionKey>();
        foreach (var entry in await EntriesByAddress.FindAsync(session, KeystoreEntryKind.PgpKey, addresses, withPrivateKeyOnly: true, cancellation))
            if (await vault.OpenAsync(session, entry.Id, cancellation) is { } ring)
                pgp.Add(new PgpDecryptionKey(entry.Fingerprint, ring));
        return new DecryptionKeys(smime, pgp);
    }

    /// <summary>One round trip: the certificates named by fingerprint or by issuer and serial, the trust anchors named as
    /// issuers, the PGP keys holding the signing key ids.</summary>
    public static async Task<VerificationKeys> VerificationKeysAsync(IQuerySession session, SignerIds signers, CancellationToken cancellation)
    {
        if (!signers.Any)
            return VerificationKeys.None;
        var ids = signers.CertificateFingerprints.Select(KeystoreIds.ForCertificate).Distinct().ToArray();
        var serials = signers.IssuersAndSerials.Select(s => s.SerialNumber).Distinct().ToArray();
        var subjects = signers.IssuerSubjects.Distinct().ToArray();
        var keyIds = signers.PgpKeyIds.Select(k => k.ToUpperInvariant()).Distinct().ToArray();

        var batch = session.CreateBatchQuery();
        var byFingerprint = batch.LoadMany<KeystoreEntry>().ById(ids);
        var bySerial = batch.Query<KeystoreEntry>()
            .Where(e => e.Kind == KeystoreEntryKind.SmimeCertificate && serials.Contains(e.Certificate!.SerialNumber)).ToList();
        var anchors = batch.Query<KeystoreEntry>()
            .Where(e => e.Kind == KeystoreEntryKind.SmimeCertificate && e.TrustAnchor && subjects.Contains(e.Certificate!.Subject)).ToList();
        var pgp = batch.Query<KeystoreEntry>()
            .Where(e => e.Kind == KeystoreEntryKind.PgpKey && e.KeyIds.Any(k => keyIds.Contains(k))).ToList();
        await batch.Execute(cancellation);

        var named = (await bySerial).Where(e => signers.IssuersAndSerials.Contains((e.Certificate!.Issuer, e.Certificate.SerialNumber)));
        var certificates = (await byFingerprint).Concat(named).Where(e => e.Certificate is not null).DistinctBy(e => e.Id).Select(e => e.Certificate!).ToList();
        return new VerificationKeys(certificates, (await anchors).Select(e => e.Certificate!).ToList(),
            (await pgp).Where(e => e.PgpKey is not null).Select(e => new PgpPublicKey(e.PgpKey!, Convert.FromBase64String(e.PgpKey!.PublicKey))).ToList());
    }
}
