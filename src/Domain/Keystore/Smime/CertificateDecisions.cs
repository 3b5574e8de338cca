using SecureMail.Domain.Common;

namespace SecureMail.Domain.Keystore.Smime;

public static class CertificateDecisions
{
    public static Decision Import(CertificateEntry? current, CertificateFacts certificate, string actor, DateTimeOffset now,
        Collected.KeyOrigin? origin = null)
    {
        if (CertificateRules.Violation(certificate) is { } violation)
            return Decision.Reject(RejectionKind.Invalid, violation);
        if (current is { IsHeld: true })
            return Decision.Reject(RejectionKind.Conflict, $"The certificate {certificate.Fingerprint} is already in the keystore.");
        return Decision.Accept(new CertificateImported(KeystoreIds.ForCertificate(certificate.Fingerprint), certificate, actor, now, origin));
    }

    public static Decision AttachPrivateKey(CertificateEntry? current, string source, string actor, DateTimeOffset now)
    {
        if (current is not { IsHeld: true })
            return Decision.Reject(RejectionKind.NotFound, "The certificate for this private key is not in the keystore.");
        if (current.HasPrivateKey)
            return Decision.Reject(RejectionKind.Conflict, $"The certificate {current.Certificate.Fingerprint} already has its private key.");
        return Decision.Accept(new PrivateKeyImported(current.Id, current.Certificate.Fingerprint, source, actor, now));
    }

    public static Decision Remove(CertificateEntry? current, string actor, DateTimeOffset now)
    {
        if (current is not { IsHeld: true })
            return Decision.Reject(RejectionKind.NotFound, "There is no such certificate in the keystore.");
        return Decision.Accept(new CertificateRemoved(current.Id, current.Certificate.Fingerprint, current.HasPrivateKey, actor, now));
    }
}
