using Marten;

namespace SecureMail.Application.Keystore;

/// <summary>The trust anchors: the CA certificates an admin imported as such, and the only certificates that vouch for
/// others (the roots inbound signer chains must reach, the issuers of CRLs, the chain sent along with our signatures).
/// A certificate that merely says CA:TRUE is not one: <c>openssl req -x509</c> writes that into every self-signed
/// identity, and whoever holds such a key could otherwise issue a certificate for any address and have it believed.</summary>
public static class Authorities
{
    public static Task<IReadOnlyList<KeystoreEntry>> Named(IQuerySession session, string subject, CancellationToken cancellation) =>
        session.Query<KeystoreEntry>()
            .Where(e => e.Kind == KeystoreEntryKind.SmimeCertificate && e.TrustAnchor && e.Certificate!.Subject == subject)
            .ToListAsync(cancellation);
}
