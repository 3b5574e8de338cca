using JasperFx.Events;
using Marten.Events.Aggregation;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore;

public sealed class KeystoreEntryProjection : SingleStreamProjection<KeystoreEntry, Guid>
{
    public KeystoreEntryProjection()
    {
        IncludeType<CertificateImported>();
        IncludeType<PrivateKeyImported>();
        IncludeType<CertificateRemoved>();
        IncludeType<PgpKeyImported>();
        IncludeType<PgpSecretKeyImported>();
        IncludeType<PgpKeyRemoved>();
    }

    public override KeystoreEntry? Evolve(KeystoreEntry? entry, Guid id, IEvent e) => e.Data switch
    {
        CertificateImported c => new KeystoreEntry
        {
            Id = id,
            Kind = KeystoreEntryKind.SmimeCertificate,
            Fingerprint = c.Certificate.Fingerprint,
            Emails = c.Certificate.Emails,
            ExpiresAt = c.Certificate.NotAfter,
            Certificate = c.Certificate,
            CameWithPrivateKey = c.WithPrivateKey,
            TrustAnchor = c.TrustAnchor,
            ImportedBy = c.ImportedBy,
            ImportedAt = c.ImportedAt,
        },
        PgpKeyImported p => new KeystoreEntry
        {
            Id = id,
            Kind = KeystoreEntryKind.PgpKey,
            Fingerprint = p.Key.Fingerprint,
            Emails = p.Key.Emails,
            ExpiresAt = p.Key.ExpiresAt,
            KeyIds = [p.Key.KeyId, .. p.Key.Subkeys.Select(s => s.KeyId)],
            PgpKey = p.Key,
            ImportedBy = p.ImportedBy,
            ImportedAt = p.ImportedAt,
        },
        PrivateKeyImported or PgpSecretKeyImported => entry is null ? null : entry with { HasPrivateKey = true },
        CertificateRemoved or PgpKeyRemoved => null,
        _ => entry,
    };
}
