using SecureMail.Domain.Common;

namespace SecureMail.Domain.Keystore.Smime;

/// <summary>The latest CRL held for one CA certificate.</summary>
public sealed record RevocationList(Guid Id, string IssuerFingerprint, CrlFacts Crl)
{
    public static RevocationList Create(CrlImported e) => new(e.RevocationListId, e.IssuerFingerprint, e.Crl);

    public RevocationList Apply(CrlImported e) => this with { Crl = e.Crl };

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
        return Decision.Accept(new CrlImported(KeystoreIds.ForRevocationList(issuer.Certificate.Fingerprint), issuer.Certificate.Fingerprint, crl, actor, now));
    }

    public bool Revokes(CertificateFacts certificate) =>
        Crl.Revoked.Any(r => string.Equals(r.SerialNumber, certificate.SerialNumber, StringComparison.OrdinalIgnoreCase));
}
