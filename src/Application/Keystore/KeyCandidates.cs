using Marten;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Keystore;

/// <summary>The keys held for a set of addresses, as the domain's option and plan decisions see them.</summary>
public static class KeyCandidates
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<KeyCandidate>>> For(IQuerySession session, MailSecuritySystem system,
        IEnumerable<string> addresses, DateTimeOffset now, CancellationToken cancellation)
    {
        var wanted = addresses.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct().ToArray();
        var kind = system == MailSecuritySystem.SMIME ? KeystoreEntryKind.SmimeCertificate : KeystoreEntryKind.PgpKey;
        var entries = await EntriesByAddress.FindAsync(session, kind, wanted, withPrivateKeyOnly: false, cancellation);
        var revocations = system == MailSecuritySystem.SMIME ? await session.Query<RevocationList>().ToListAsync(cancellation) : [];
        return wanted.ToDictionary(
            address => address,
            address => (IReadOnlyList<KeyCandidate>)entries.Where(e => e.Emails.Contains(address))
                .Select(e => Candidate(e, address, revocations, now)).ToList());
    }

    private static KeyCandidate Candidate(KeystoreEntry entry, string address, IReadOnlyList<RevocationList> revocations, DateTimeOffset now)
    {
        if (entry.PgpKey is { } key)
            return new(MailSecuritySystem.PGP, address, key.Fingerprint, key.ExpiresAt, PgpKeyUsability.IsExpired(key, now), entry.HasPrivateKey,
                PgpKeyUsability.CanSign(key, entry.HasPrivateKey, now), PgpKeyUsability.CanEncrypt(key, now), Weakness: KeyPolicy.Of(key, now)?.Description);
        var certificate = entry.Certificate!;
        var revoked = KeystoreQueries.IsRevoked(certificate, revocations);
        var canEncrypt = CertificateUsability.CanEncrypt(certificate, revoked, now);
        // BouncyCastle 2.7 writes ECC-CMS-SharedInfo that OpenSSL cannot read (ADR 8): an EC recipient
        // would get mail no other client decrypts, so EC certificates are refused for encryption, with the reason.
        var ecRefusal = canEncrypt && certificate.KeyAlgorithm == "EC"
            ? $"The certificate for {address} has an EC key, which cannot be used for S/MIME encryption yet; import an RSA certificate for {address}."
            : null;
        return new(MailSecuritySystem.SMIME, address, certificate.Fingerprint, certificate.NotAfter, CertificateUsability.IsExpired(certificate, now),
            entry.HasPrivateKey, CertificateUsability.CanSign(certificate, entry.HasPrivateKey, revoked, now), canEncrypt && ecRefusal is null, ecRefusal,
            KeyPolicy.Of(certificate)?.Description);
    }
}
