using SecureMail.Domain.Common;

namespace SecureMail.Domain.Keystore.Smime;

/// <summary>The latest CRL held for one CA certificate.</summary>
/// <param name="IssuerKeyIdentifier">The subject key identifier of the CA certificate whose key the CRL's signature
/// verified with; null for CRLs imported before it was recorded, or when that certificate has none.</param>
public sealed record RevocationList(Guid Id, string IssuerFingerprint, CrlFacts Crl, string? IssuerKeyIdentifier = null)
{
    public static RevocationList Create(CrlImported e) => new(e.RevocationListId, e.IssuerFingerprint, e.Crl, e.IssuerKeyIdentifier);

    public RevocationList Apply(CrlImported e) => this with { Crl = e.Crl, IssuerKeyIdentifier = e.IssuerKeyIdentifier };

    /// <summary>Only a newer CRL replaces the one held: an older one would un-revoke certificates (a replay attack on revocation).</summary>
    public static Decision Import(RevocationList? current, CertificateEntry issuer, CrlFacts crl, string actor, DateTimeOffset now)
    {
        if (!issuer.Certificate.IsCertificateAuthority)
            return Decision.Reject(RejectionKind.Invalid, $"The certificate {issuer.Certificate.Subject} is not a CA certificate and cannot issue CRLs.");
        if (current?.Crl.Fingerprint == crl.Fingerprint)
            return Decision.Reject(RejectionKind.Conflict, "This CRL is already imported.");
        if (current is not null && crl.ThisUpdate <= current.Crl.ThisUpdate)
            return Decision.Reject(RejectionKind.Conflict,
                $"The keystore holds a newer CRL of {crl.Issuer} (issued {current.Crl.ThisUpdate:u}); this one was issued {crl.ThisUpdate:u}.");
        return Decision.Accept(new CrlImported(KeystoreIds.ForRevocationList(issuer.Certificate.Fingerprint), issuer.Certificate.Fingerprint, crl, actor, now,
            issuer.Certificate.SubjectKeyIdentifier));
    }

    public static Decision Remove(RevocationList? current, string actor, DateTimeOffset now) =>
        current is null
            ? Decision.Reject(RejectionKind.NotFound, "There is no such CRL in the keystore.")
            : Decision.Accept(new CrlRemoved(current.Id, current.IssuerFingerprint, current.Crl.Fingerprint, actor, now));

    public bool Revokes(CertificateFacts certificate) =>
        Covers(certificate) && Crl.Revoked.Any(r => string.Equals(r.SerialNumber, certificate.SerialNumber, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether this CRL speaks for the certificate's issuer. A name is no identity: two CAs may share one, and a
    /// serial revoked by one says nothing about the other's certificate with the same serial. So the key identifiers must
    /// match as well (RFC 5280 §5.2.1, §4.2.1.1); only when one side has none is the name all there is.</summary>
    public bool Covers(CertificateFacts certificate) =>
        Crl.Issuer == certificate.Issuer
        && (KeyIdentifier is null || certificate.AuthorityKeyIdentifier is null
            || string.Equals(KeyIdentifier, certificate.AuthorityKeyIdentifier, StringComparison.OrdinalIgnoreCase));

    /// <summary>Past its nextUpdate the CRL is still the best knowledge held, but a revocation since then would not be in it.</summary>
    public bool IsStale(DateTimeOffset now) => Crl.NextUpdate is { } next && now > next;

    /// <summary>The CRL's own authority key identifier, else that of the CA certificate that signed it.</summary>
    private string? KeyIdentifier => Crl.AuthorityKeyIdentifier ?? IssuerKeyIdentifier;
}
