using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Domain.Inbound;

/// <summary>Turns facts into the status users see (docs/inbound-status.md#decrypted-means-intact and
/// #valid-needs-every-check). Anything short of every check passing is failed/invalid, with the reason of the first
/// check that failed.</summary>
public static class Verdict
{
    public const string NoPrivateKey = "Unable to find private key to decrypt";
    public const string UnknownSigner = "Unable to find certificate for validation";
    public const string NotSignedBySender = "This message was not signed by its sender.";

    public static object Decryption(Guid ticketId, Guid articleId, DecryptionFacts facts, DateTimeOffset now) =>
        facts.Code is null && facts.KeyFingerprint is not null
            ? new ArticleDecrypted(ticketId, articleId, facts.System, facts.KeyFingerprint, facts.Cipher ?? "unknown", facts.Warnings, now)
            : new DecryptionFailed(ticketId, articleId, facts.System, facts.Code ?? InboundFailure.Corrupt, DecryptionMessage(facts), now);

    public static object Signature(Guid ticketId, Guid articleId, SignatureFacts facts, IReadOnlyList<string> from,
        IReadOnlyList<RevocationList> revocations, DateTimeOffset now)
    {
        var signer = SignerOf(facts, from);
        var (reason, message) = FirstFailure(facts, from, revocations, now);
        return reason is null
            ? new SignatureVerified(ticketId, articleId, facts.System, signer!, facts.Digest!, now, StaleRevocationLists(facts, revocations, now))
            : new SignatureVerificationFailed(ticketId, articleId, facts.System, reason, message!, signer, now);
    }

    private static (string? Reason, string? Message) FirstFailure(SignatureFacts e, IReadOnlyList<string> from, IReadOnlyList<RevocationList> revocations, DateTimeOffset now)
    {
        if (e.Code is not null)
            return (e.Code, SignatureMessage(e, now));
        if (e.Digest is null || KeyPolicy.IsWeakDigest(e.Digest))
            return ("weak-algorithm", $"The signature uses the weak digest algorithm {e.Digest ?? "(unknown)"}.");
        if (Weakness(e, now) is { } weakness)
            return ("weak-key", weakness);
        if (e.Certificate is { } certificate)
        {
            if (now < certificate.NotBefore)
                return ("not-yet-valid", $"The signer's certificate is not valid before {certificate.NotBefore:u}.");
            if (now > certificate.NotAfter)
                return ("expired", $"The signer's certificate expired on {certificate.NotAfter:u}.");
            if (revocations.Any(r => r.Revokes(certificate)))
                return ("revoked", "The signer's certificate has been revoked.");
            if (certificate.KeyUsages is { } usages && !usages.Contains("digitalSignature") && !usages.Contains("nonRepudiation"))
                return ("key-usage", "The signer's certificate may not be used for signing (key usage).");
            if (certificate.ExtendedKeyUsages is { } ekus && !ekus.Contains("emailProtection") && !ekus.Contains("anyExtendedKeyUsage"))
                return ("key-usage", "The signer's certificate may not be used for e-mail (extended key usage).");
        }
        else if (e.PgpKey is { } key)
        {
            if (key.Revoked || key.Subkeys.Any(s => s.Revoked && s.Fingerprint == e.SigningKeyFingerprint))
                return ("revoked", "The signer's PGP key has been revoked.");
            if (PgpKeyUsability.IsExpired(key, now) || key.Subkeys.Any(s => s.Fingerprint == e.SigningKeyFingerprint && s.ExpiresAt is { } at && now >= at))
                return ("expired", "The signer's PGP key has expired.");
        }
        else
        {
            return (InboundFailure.UnknownSigner, UnknownSigner);
        }
        var emails = e.Certificate?.Emails ?? e.PgpKey!.Emails;
        if (from.Count != 1 || !emails.Contains(from[0].Trim().ToLowerInvariant()))
            return ("sender-mismatch", NotSignedBySender);
        return (null, null);
    }

    // A stale CRL still revokes what it lists; what it cannot show is a revocation since, and users are told so.
    private static IReadOnlyList<string> StaleRevocationLists(SignatureFacts e, IReadOnlyList<RevocationList> revocations, DateTimeOffset now) =>
        e.Certificate is { } certificate
            ? revocations.Where(r => r.Covers(certificate) && r.IsStale(now))
                .Select(r => $"The certificate revocation list of {r.Crl.Issuer} is out of date since {r.Crl.NextUpdate:u}: a revocation since then would not show.")
                .ToList()
            : [];

    // The display name counts for nothing (a forger chooses it freely): the signer shown is the certificate's own
    // address matching From, else its first.
    private static Signer? SignerOf(SignatureFacts e, IReadOnlyList<string> from)
    {
        var emails = e.Certificate?.Emails ?? e.PgpKey?.Emails;
        if (emails is null)
            return null;
        var email = emails.FirstOrDefault(m => from.Count == 1 && m == from[0].Trim().ToLowerInvariant()) ?? emails.FirstOrDefault() ?? "";
        var name = e.Certificate?.Subject ?? e.PgpKey!.UserIds.FirstOrDefault() ?? email;
        return new Signer(email, name, e.Certificate?.Fingerprint ?? e.PgpKey!.Fingerprint);
    }

    // Keys imported before the key policy are still in the store: their signatures are judged by it all the same.
    private static string? Weakness(SignatureFacts e, DateTimeOffset now) =>
        e.Certificate is { } certificate && KeyPolicy.Of(certificate) is { } weakCertificate
            ? $"The signer's certificate has {weakCertificate.Description}, too weak to trust its signature."
            : e.PgpKey is { } key && KeyPolicy.Of(key, now) is { } weakKey
                ? $"The signer's PGP key has {weakKey.Description}, too weak to trust its signature."
                : null;

    private static string DecryptionMessage(DecryptionFacts e) => e.Code switch
    {
        InboundFailure.NoPrivateKey => NoPrivateKey,
        InboundFailure.NoIntegrity => "The encrypted message has no valid integrity protection (possible tampering); it was not decrypted.",
        InboundFailure.Unsupported => $"Unsupported encryption: {e.Message}",
        InboundFailure.Malformed => $"The encrypted message is malformed: {e.Message}",
        InboundFailure.TooComplex => e.Message!,
        _ => $"The encrypted data is corrupt or truncated: {e.Message}",
    };

    private static string SignatureMessage(SignatureFacts e, DateTimeOffset now) => e.Code switch
    {
        InboundFailure.UnknownSigner when e.Certificate is { } carried =>
            $"{UnknownSigner}. The message carried the certificate {carried.Subject} <{string.Join(", ", carried.Emails)}>, " +
            $"fingerprint {carried.Fingerprint}, which is neither in the keystore nor issued by a trust anchor: ask an admin to verify it " +
            "with the sender and import it from the candidate keys.",
        InboundFailure.UnknownSigner => UnknownSigner,
        InboundFailure.BadSignature => "The signature does not match the content (tampered content).",
        InboundFailure.UntrustedChain => e.Message is null
            ? "The signer's certificate is not issued by a trusted certificate authority."
            : $"The signer's certificate is not issued by a trusted certificate authority: {e.Message}",
        InboundFailure.NoSigner => "The signed message contains no signer.",
        InboundFailure.BadKeyBinding => "The signing subkey is not validly bound to its PGP key.",
        InboundFailure.CriticalSubpacket => "The signature carries an unknown critical subpacket.",
        InboundFailure.TooComplex => e.Message!,
        InboundFailure.WeakKey => Weakness(e, now) ?? e.Message ?? "The signer's key is too weak to trust its signature.",
        _ => $"The signature could not be checked: {e.Message}",
    };
}
