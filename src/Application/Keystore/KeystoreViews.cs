using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore;

/// <summary>An S/MIME certificate as the API shows it: public facts plus what holds at the moment of asking.</summary>
/// <param name="Weakness">Why the key policy makes it unusable, when it does (it was imported before the policy).</param>
public sealed record CertificateView(
    string Fingerprint,
    string Subject,
    string Issuer,
    string SerialNumber,
    IReadOnlyList<string> Emails,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    IReadOnlyList<string>? KeyUsages,
    IReadOnlyList<string>? ExtendedKeyUsages,
    string KeyAlgorithm,
    int KeySize,
    bool IsCertificateAuthority,
    bool TrustAnchor,
    bool HasPrivateKey,
    bool Expired,
    bool Revoked,
    bool UsableForSigning,
    bool UsableForEncryption,
    string ImportedBy,
    DateTimeOffset ImportedAt,
    string? Weakness)
{
    public static CertificateView From(KeystoreEntry entry, bool revoked, DateTimeOffset now)
    {
        var c = entry.Certificate!;
        return new(c.Fingerprint, c.Subject, c.Issuer, c.SerialNumber, c.Emails, c.NotBefore, c.NotAfter,
            c.KeyUsages, c.ExtendedKeyUsages, c.KeyAlgorithm, c.KeySize, c.IsCertificateAuthority, entry.TrustAnchor, entry.HasPrivateKey,
            CertificateUsability.IsExpired(c, now), revoked,
            CertificateUsability.CanSign(c, entry.HasPrivateKey, revoked, now),
            CertificateUsability.CanEncrypt(c, revoked, now),
            entry.ImportedBy, entry.ImportedAt, KeyPolicy.Of(c)?.ToString());
    }
}

/// <param name="Weakness">Why the key policy makes it unusable, when it does (it was imported before the policy).</param>
/// <param name="DomainAlias">The domain whose addresses without a PGP key of their own this key stands for (when the
/// setting Keystore:PgpDomainAlias is on).</param>
public sealed record PgpKeyView(
    string Fingerprint,
    string KeyId,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> Emails,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    bool Revoked,
    string Algorithm,
    int KeySize,
    IReadOnlyList<string> KeyFlags,
    IReadOnlyList<PgpSubkeyFacts> Subkeys,
    bool HasPrivateKey,
    bool Expired,
    bool UsableForSigning,
    bool UsableForEncryption,
    string ImportedBy,
    DateTimeOffset ImportedAt,
    string? Weakness,
    string? DomainAlias)
{
    public static PgpKeyView From(KeystoreEntry entry, DateTimeOffset now)
    {
        var k = entry.PgpKey!;
        return new(k.Fingerprint, k.KeyId, k.UserIds, k.Emails, k.CreatedAt, k.ExpiresAt, k.Revoked, k.Algorithm, k.KeySize,
            k.KeyFlags, k.Subkeys, entry.HasPrivateKey, PgpKeyUsability.IsExpired(k, now),
            PgpKeyUsability.CanSign(k, entry.HasPrivateKey, now), PgpKeyUsability.CanEncrypt(k, now),
            entry.ImportedBy, entry.ImportedAt, KeyPolicy.Of(k, now)?.ToString(), entry.DomainAlias);
    }
}
