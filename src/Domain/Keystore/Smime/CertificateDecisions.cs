using SecureMail.Domain.Common;

namespace SecureMail.Domain.Keystore.Smime;

public static class CertificateDecisions
{
    /// <param name="origin">The article that carried it, when an admin takes it from the candidate keys.</param>
    public static Decision Import(CertificateEntry? current, CertificateFacts certificate, string actor, DateTimeOffset now,
        Collected.KeyOrigin? origin = null) =>
        Import(current, certificate, actor, now, withPrivateKey: false, origin, asTrustAnchor: false);

    /// <summary>The admin states that <paramref name="certificate"/> vouches for the certificates it issues.</summary>
    public static Decision ImportTrustAnchor(CertificateEntry? current, CertificateFacts certificate, string actor, DateTimeOffset now)
    {
        if (current is { IsHeld: true, IsTrustAnchor: false } && TrustAnchorRules.Violation(certificate) is null)
            return Decision.Reject(RejectionKind.Conflict, $"The certificate {certificate.Fingerprint} is already in the keystore, " +
                "trusted for its own signatures only. To make it a trust anchor, remove it, then import it as a trust anchor.");
        return Import(current, certificate, actor, now, withPrivateKey: false, origin: null, asTrustAnchor: true);
    }

    /// <summary>A private key arrived and <paramref name="certificate"/> has its public key, which makes it the key's own
    /// certificate whatever its basic constraints: held already, the key is attached; else it is imported with the key.</summary>
    public static Decision ImportWithPrivateKey(CertificateEntry? current, CertificateFacts certificate, string source, string actor, DateTimeOffset now)
    {
        if (current is { IsHeld: true })
            return AttachPrivateKey(current, source, actor, now);
        var import = Import(current, certificate, actor, now, withPrivateKey: true, origin: null, asTrustAnchor: false);
        if (!import.Accepted)
            return import;
        var imported = (CertificateImported)import.Events[0];
        var attach = AttachPrivateKey(CertificateEntry.Imported(imported), source, actor, now);
        return Decision.Accept([.. import.Events, .. attach.Events]);
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

    /// <summary>The key goes (a leaver's signing key, a key that must no longer sign); the certificate stays.</summary>
    public static Decision RemovePrivateKey(CertificateEntry? current, string actor, DateTimeOffset now)
    {
        if (current is not { IsHeld: true })
            return Decision.Reject(RejectionKind.NotFound, "There is no such certificate in the keystore.");
        if (!current.HasPrivateKey)
            return Decision.Reject(RejectionKind.NotFound, $"The certificate {current.Certificate.Fingerprint} has no private key in the keystore.");
        return Decision.Accept(new PrivateKeyRemoved(current.Id, current.Certificate.Fingerprint, actor, now));
    }

    private static Decision Import(CertificateEntry? current, CertificateFacts certificate, string actor, DateTimeOffset now, bool withPrivateKey,
        Collected.KeyOrigin? origin, bool asTrustAnchor)
    {
        if (CertificateRules.Violation(certificate, asTrustAnchor) is { } violation)
            return Decision.Reject(RejectionKind.Invalid, violation);
        if (current is { IsHeld: true })
            return Decision.Reject(RejectionKind.Conflict, $"The certificate {certificate.Fingerprint} is already in the keystore.");
        return Decision.Accept(new CertificateImported(KeystoreIds.ForCertificate(certificate.Fingerprint), certificate, actor, now, withPrivateKey, origin,
            asTrustAnchor));
    }
}
