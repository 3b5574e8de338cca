using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Domain.Keystore;

namespace SecureMail.Application.Inbound;

/// <summary>The keystore as one inbound message sees it: private keys only for the addresses it was sent to
/// (To, Cc, Delivered-To), public material for verification. Nothing the message carries is ever added here
/// (docs/inbound-status.md#carried-keys-are-not-trusted).</summary>
public sealed class KeystoreKeyring(IQuerySession session, IKeyVault vault, IReadOnlyList<string> recipients) : IInboundKeyring
{
    private readonly string[] addresses = recipients.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToArray();

    public async Task<IReadOnlyList<SmimeDecryptionKey>> SmimeDecryptionKeysAsync(CancellationToken cancellation)
    {
        var keys = new List<SmimeDecryptionKey>();
        foreach (var entry in await OursFor(KeystoreEntryKind.SmimeCertificate, cancellation))
            if (await vault.OpenAsync(session, entry.Id, cancellation) is { } key)
                keys.Add(new SmimeDecryptionKey(entry.Fingerprint, Convert.FromBase64String(entry.Certificate!.Der), key));
        return keys;
    }

    public async Task<IReadOnlyList<PgpDecryptionKey>> PgpDecryptionKeysAsync(CancellationToken cancellation)
    {
        var keys = new List<PgpDecryptionKey>();
        foreach (var entry in await OursFor(KeystoreEntryKind.PgpKey, cancellation))
            if (await vault.OpenAsync(session, entry.Id, cancellation) is { } ring)
                keys.Add(new PgpDecryptionKey(entry.Fingerprint, ring));
        return keys;
    }

    public async Task<CertificateFacts?> CertificateAsync(string fingerprint, CancellationToken cancellation) =>
        (await session.LoadAsync<KeystoreEntry>(KeystoreIds.ForCertificate(fingerprint), cancellation))?.Certificate;

    public async Task<CertificateFacts?> CertificateAsync(string issuer, string serialNumber, CancellationToken cancellation) =>
        (await session.Query<KeystoreEntry>()
            .Where(e => e.Kind == KeystoreEntryKind.SmimeCertificate && e.Certificate!.Issuer == issuer && e.Certificate.SerialNumber == serialNumber)
            .ToListAsync(cancellation)).FirstOrDefault()?.Certificate;

    public async Task<IReadOnlyList<CertificateFacts>> TrustAnchorsAsync(string subject, CancellationToken cancellation) =>
        (await Authorities.Named(session, subject, cancellation)).Select(e => e.Certificate!).ToList();

    public async Task<PgpPublicKey?> PgpKeyAsync(string keyId, CancellationToken cancellation)
    {
        var id = keyId.ToUpperInvariant();
        var entry = (await session.Query<KeystoreEntry>().Where(e => e.Kind == KeystoreEntryKind.PgpKey && e.KeyIds.Contains(id)).ToListAsync(cancellation)).FirstOrDefault();
        return entry?.PgpKey is { } key ? new PgpPublicKey(key, Convert.FromBase64String(key.PublicKey)) : null;
    }

    private Task<IReadOnlyList<KeystoreEntry>> OursFor(string kind, CancellationToken cancellation) =>
        EntriesByAddress.FindAsync(session, kind, addresses, withPrivateKeyOnly: true, cancellation);
}
