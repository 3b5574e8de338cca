using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;

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
        var pgp = new List<PgpDecryptionKey>();
        foreach (var entry in await EntriesByAddress.FindAsync(session, DecryptingKinds, addresses, withPrivateKeyOnly: true, cancellation))
        {
            if (await vault.OpenAsync(session, entry.Id, cancellation) is not { } secret)
                continue;
            if (entry.Kind == KeystoreEntryKind.SmimeCertificate)
                smime.Add(new SmimeDecryptionKey(entry.Fingerprint, Convert.FromBase64String(entry.Certificate!.Der), secret));
            else if (entry.Kind == KeystoreEntryKind.PgpKey)
                pgp.Add(new PgpDecryptionKey(entry.Fingerprint, secret));
        }
        return new DecryptionKeys(smime, pgp);
    }

    private static readonly string[] DecryptingKinds = [KeystoreEntryKind.SmimeCertificate, KeystoreEntryKind.PgpKey];

    /// <summary>One round trip: the certificates named by fingerprint or by issuer and serial, the trust anchors named as
    /// issuers, the PGP keys holding the signing key ids, and the revocation lists a certificate is checked against. A part
    /// the message names nothing for is left out of the batch.</summary>
    public static async Task<SignerMaterial> VerificationKeysAsync(IQuerySession session, SignerIds signers, CancellationToken cancellation)
    {
        if (!signers.Any)
            return SignerMaterial.None;
        var ids = signers.CertificateFingerprints.Select(KeystoreIds.ForCertificate).Distinct().ToArray();
        var serials = signers.IssuersAndSerials.Select(s => s.SerialNumber).Distinct().ToArray();
        var subjects = signers.IssuerSubjects.Distinct().ToArray();
        var keyIds = signers.PgpKeyIds.Select(k => k.ToUpperInvariant()).Distinct().ToArray();

        var batch = session.CreateBatchQuery();
        var byFingerprint = ids.Length > 0 ? batch.LoadMany<KeystoreEntry>().ById(ids) : None();
        var bySerial = serials.Length > 0
            ? batch.Query<KeystoreEntry>().Where(e => e.Kind == KeystoreEntryKind.SmimeCertificate && serials.Contains(e.Certificate!.SerialNumber)).ToList()
            : None();
        var anchors = subjects.Length > 0
            ? batch.Query<KeystoreEntry>()
                .Where(e => e.Kind == KeystoreEntryKind.SmimeCertificate && e.TrustAnchor && subjects.Contains(e.Certificate!.Subject)).ToList()
            : None();
        var pgp = keyIds.Length > 0
            ? batch.Query<KeystoreEntry>().Where(e => e.Kind == KeystoreEntryKind.PgpKey && e.KeyIds.Any(k => keyIds.Contains(k))).ToList()
            : None();
        var revocations = batch.Query<RevocationList>().ToList();
        await batch.Execute(cancellation);

        var named = (await bySerial).Where(e => signers.IssuersAndSerials.Contains((e.Certificate!.Issuer, e.Certificate.SerialNumber)));
        var certificates = (await byFingerprint).Concat(named).Where(e => e.Certificate is not null).DistinctBy(e => e.Id).ToList();
        var trustAnchors = await anchors;
        var pgpKeys = (await pgp).Where(e => e.PgpKey is not null).ToList();
        var keys = new VerificationKeys(certificates.Select(e => e.Certificate!).ToList(), trustAnchors.Select(e => e.Certificate!).ToList(),
            pgpKeys.Select(e => new PgpPublicKey(e.PgpKey!, Convert.FromBase64String(e.PgpKey!.PublicKey))).ToList());
        return new SignerMaterial(keys, await revocations, certificates.Concat(trustAnchors).Concat(pgpKeys).Select(e => e.Id).ToHashSet());
    }

    private static Task<IReadOnlyList<KeystoreEntry>> None() => Task.FromResult<IReadOnlyList<KeystoreEntry>>([]);
}

/// <summary>What verifying one message's signature needs from the keystore.</summary>
/// <param name="Revocations">Every imported CRL: a signer's certificate is checked against them.</param>
/// <param name="Loaded">The ids of the keystore entries read for it: keys held, which the message's carried keys need not be looked up against.</param>
public sealed record SignerMaterial(VerificationKeys Keys, IReadOnlyList<RevocationList> Revocations, IReadOnlySet<Guid> Loaded)
{
    public static readonly SignerMaterial None = new(VerificationKeys.None, [], new HashSet<Guid>());
}
