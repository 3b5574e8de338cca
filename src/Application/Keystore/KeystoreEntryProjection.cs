using JasperFx.Events;
using Marten.Events.Aggregation;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore;

public sealed class KeystoreEntryProjection : SingleStreamProjection<KeystoreEntry, Guid>
{
    public KeystoreEntryProjection()
    {
        IncludeType<CertificateImported>();
        IncludeType<PrivateKeyImported>();
        IncludeType<PrivateKeyRemoved>();
        IncludeType<CertificateRemoved>();
        IncludeType<PgpKeyImported>();
        IncludeType<PgpKeyRefreshed>();
        IncludeType<PgpSecretKeyImported>();
        IncludeType<PgpKeyRemoved>();
        IncludeType<PgpKeyDomainAliasSet>();
        IncludeType<PgpKeyDomainAliasRemoved>();
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
            KeyIds = KeyIdsOf(p.Key),
            PgpKey = p.Key,
            ImportedBy = p.ImportedBy,
            ImportedAt = p.ImportedAt,
        },
        PgpKeyRefreshed r => entry is null ? null : entry with
        {
            Emails = r.Key.Emails,
            ExpiresAt = r.Key.ExpiresAt,
            KeyIds = KeyIdsOf(r.Key),
            PgpKey = r.Key,
        },
        PgpKeyDomainAliasSet a => entry is null ? null : entry with { DomainAlias = a.Domain },
        PgpKeyDomainAliasRemoved => entry is null ? null : entry with { DomainAlias = null },
        PrivateKeyImported or PgpSecretKeyImported => entry is null ? null : entry with { HasPrivateKey = true },
        PrivateKeyRemoved => entry is null ? null : entry with { HasPrivateKey = false },
        CertificateRemoved or PgpKeyRemoved => null,
        _ => entry,
    };

    private static IReadOnlyList<string> KeyIdsOf(PgpKeyFacts key) => [key.KeyId, .. key.Subkeys.Select(s => s.KeyId)];
}
