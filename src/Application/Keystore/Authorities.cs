using Marten;

namespace SecureMail.Application.Keystore;

/// <summary>The CA certificates that vouch for other certificates: the anchors an inbound signer's chain must reach,
/// the issuers of CRLs, the chain sent along with our signatures. Only a CA certificate an admin imported as a certificate
/// counts. One that came in a PKCS#12 as its key's own certificate does not, even when it says CA:TRUE (as every
/// <c>openssl req -x509</c> certificate does): uploading a key must not make a trust anchor, or whoever made the file
/// could issue certificates we would trust.</summary>
public static class Authorities
{
    public static Task<IReadOnlyList<KeystoreEntry>> Named(IQuerySession session, string subject, CancellationToken cancellation) =>
        session.Query<KeystoreEntry>()
            .Where(e => e.Kind == KeystoreEntryKind.SmimeCertificate && e.Certificate!.IsCertificateAuthority && !e.CameWithPrivateKey
                && e.Certificate.Subject == subject)
            .ToListAsync(cancellation);
}
