using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Keystore.Smime;

/// <summary>The CRL held for one trust anchor.</summary>
/// <param name="Id">What DELETE takes.</param>
/// <param name="Stale">Past its nextUpdate: it still revokes what it lists, but a revocation since would not show.</param>
public sealed record CrlView(Guid Id, string Issuer, string Fingerprint, string IssuerFingerprint, DateTimeOffset ThisUpdate, DateTimeOffset? NextUpdate,
    int RevokedCount, bool Stale)
{
    public static CrlView From(RevocationList list, DateTimeOffset now) => new(list.Id, list.Crl.Issuer, list.Crl.Fingerprint,
        list.IssuerFingerprint, list.Crl.ThisUpdate, list.Crl.NextUpdate, list.Crl.Revoked.Count, list.IsStale(now));
}
