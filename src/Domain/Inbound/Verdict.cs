using System.Globalization;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Domain.Inbound;

/// <summary>Turns facts into the status users see (docs/inbound-status.md#decrypted-means-intact and
/// #valid-needs-every-check). Anything short of every check passing is failed/invalid, with the code of the first
/// check that failed. Every sentence users read about incoming mail is written here: the reader returns codes and the
/// detail they quote (an algorithm, a certificate, a count).</summary>
public static class Verdict
{
    public const string NoPrivateKey = "Unable to find private key to decrypt";
    public const string UnknownSigner = "Unable to find certificate for validation";
    public const string NotSignedBySender = "This message was not signed by its sender.";

    public static object Decryption(Guid ticketId, Guid articleId, DecryptionFacts facts, DateTimeOffset now) =>
        facts.Code is null && facts.KeyFingerprint is not null
            ? new ArticleDecrypted(ticketId, articleId, facts.System, facts.KeyFingerprint, facts.Cipher ?? "unknown", facts.Warnings, now)
            : new DecryptionFailed(ticketId, articleId, facts.System, (facts.Code ?? SecurityCode.Corrupt).Text(), DecryptionMessage(facts), now);

    public static object Signature(Guid ticketId, Guid articleId, SignatureFacts facts, IReadOnlyList<string> from,
        IReadOnlyList<RevocationList> revocations, DateTimeOffset now)
    {
        var signer = SignerOf(facts, from);
        return FirstFailure(facts, from, revocations, now) is var (code, message)
            ? new SignatureVerificationFailed(ticketId, articleId, facts.System, code.Text(), message, signer, now)
            : new SignatureVerified(ticketId, articleId, facts.System, signer!, facts.Digest!, now, StaleRevocationLists(facts, revocations, now));
    }

    /// <summary>The process gave up without a verdict: nothing of the message is vouched for.</summary>
    public static SecurityProcessAbandoned Abandoned(Guid ticketId, Guid articleId, SecurityCode code, int attempts, TimeSpan limit, DateTimeOffset now) =>
        new(ticketId, articleId, code.Text(), code == SecurityCode.TimedOut
            ? string.Create(CultureInfo.InvariantCulture, $"The message took too long to process (over {limit.TotalSeconds:0.###} s); it was not checked.")
            : $"The message could not be processed in {attempts} attempts (each ended in an error or a crash); it was not checked.",
            attempts, now);

    private static (SecurityCode Code, string Message)? FirstFailure(SignatureFacts e, IReadOnlyList<string> from, IReadOnlyList<RevocationList> revocations,
        DateTimeOffset now)
    {
        if (e.Code is { } code)
            return (code, SignatureMessage(e, now));
        if (e.Digest is null || KeyPolicy.IsWeakDigest(e.Digest))
            return (SecurityCode.WeakAlgorithm, $"The signature uses the weak digest algorithm {e.Digest ?? "(unknown)"}.");
        if (Weakness(e, now) is { } weakness)
            return (SecurityCode.WeakKey, weakness);
        if (e.Certificate is { } certificate)
        {
            if (now < certificate.NotBefore)
                return (SecurityCode.NotYetValid, $"The signer's certificate is not valid before {certificate.NotBefore:u}.");
            if (now > certificate.NotAfter)
                return (SecurityCode.Expired, $"The signer's certificate expired on {certificate.NotAfter:u}.");
            if (revocations.Any(r => r.Revokes(certificate)))
                return (SecurityCode.Revoked, "The signer's certificate has been revoked.");
            if (certificate.KeyUsages is { } usages && !usages.Contains("digitalSignature") && !usages.Contains("nonRepudiation"))
                return (SecurityCode.KeyUsage, "The signer's certificate may not be used for signing (key usage).");
            if (certificate.ExtendedKeyUsages is { } ekus && !ekus.Contains("emailProtection") && !ekus.Contains("anyExtendedKeyUsage"))
                return (SecurityCode.KeyUsage, "The signer's certificate may not be used for e-mail (extended key usage).");
        }
        else if (e.PgpKey is { } key)
        {
            if (key.Revoked || key.Subkeys.Any(s => s.Revoked && s.Fingerprint == e.SigningKeyFingerprint))
                return (SecurityCode.Revoked, "The signer's PGP key has been revoked.");
            if (PgpKeyUsability.IsExpired(key, now) || key.Subkeys.Any(s => s.Fingerprint == e.SigningKeyFingerprint && s.ExpiresAt is { } at && now >= at))
                return (SecurityCode.Expired, "The signer's PGP key has expired.");
        }
        else
        {
            return (SecurityCode.UnknownSigner, UnknownSigner);
        }
        var emails = e.Certificate?.Emails ?? e.PgpKey!.Emails;
        if (SoleSender(from) is not { } sender || !emails.Contains(sender.Value))
            return (SecurityCode.SenderMismatch, NotSignedBySender);
        return null;
    }

    // A stale CRL still revokes what it lists; what it cannot show is a revocation since, and users are told so.
    private static IReadOnlyList<string> StaleRevocationLists(SignatureFacts e, IReadOnlyList<RevocationList> revocations, DateTimeOffset now) =>
        e.Certificate is { } certificate
            ? revocations.Where(r => r.Covers(certificate) && r.IsStale(now))
                .Select(r => $"{Keystore.Expiry.ExpiryMessages.CrlOutOfDate(r.Crl.Issuer, r.Crl.NextUpdate!.Value)} An admin can import the CA's newer CRL.")
                .ToList()
            : [];

    // The display name counts for nothing (a forger chooses it freely): the signer shown is the certificate's own
    // address matching From, else its first.
    private static Signer? SignerOf(SignatureFacts e, IReadOnlyList<string> from)
    {
        var emails = e.Certificate?.Emails ?? e.PgpKey?.Emails;
        if (emails is null)
            return null;
        var sender = SoleSender(from);
        var email = emails.FirstOrDefault(m => sender is { } one && m == one.Value) ?? emails.FirstOrDefault() ?? "";
        var name = e.Certificate?.Subject ?? e.PgpKey!.UserIds.FirstOrDefault() ?? email;
        return new Signer(email, name, e.Certificate?.Fingerprint ?? e.PgpKey!.Fingerprint);
    }

    private static EmailAddress? SoleSender(IReadOnlyList<string> from) => from.Count == 1 ? EmailAddress.Of(from[0]) : null;

    // Keys imported before the key policy are still in the store: their signatures are judged by it all the same.
    private static string? Weakness(SignatureFacts e, DateTimeOffset now) =>
        e.Certificate is { } certificate && KeyPolicy.Of(certificate) is { } weakCertificate
            ? $"The signer's certificate has {weakCertificate.Description}, too weak to trust its signature."
            : e.PgpKey is { } key && KeyPolicy.Of(key, now) is { } weakKey
                ? $"The signer's PGP key has {weakKey.Description}, too weak to trust its signature."
                : null;

    private static string DecryptionMessage(DecryptionFacts e) => e.Code switch
    {
        SecurityCode.NoPrivateKey => NoPrivateKey,
        SecurityCode.NoIntegrity => "The encrypted message has no valid integrity protection (possible tampering); it was not decrypted.",
        SecurityCode.Unsupported => $"Unsupported encryption: {e.Detail}",
        SecurityCode.Malformed => $"The encrypted message is malformed: {e.Detail}",
        SecurityCode.TooComplex => e.Detail!,
        _ => $"The encrypted data is corrupt or truncated: {e.Detail}",
    };

    private static string SignatureMessage(SignatureFacts e, DateTimeOffset now) => e.Code switch
    {
        SecurityCode.UnknownSigner when e.Certificate is { } carried =>
            $"{UnknownSigner}. The message carried the certificate {carried.Subject} <{string.Join(", ", carried.Emails)}>, " +
            $"fingerprint {carried.Fingerprint}, which is neither in the keystore nor issued by a trust anchor: ask an admin to verify it " +
            "with the sender and import it from the candidate keys.",
        SecurityCode.UnknownSigner => UnknownSigner,
        SecurityCode.BadSignature => "The signature does not match the content (tampered content).",
        SecurityCode.UntrustedChain => e.Detail is null
            ? "The signer's certificate is not issued by a trusted certificate authority."
            : $"The signer's certificate is not issued by a trusted certificate authority: {e.Detail}",
        SecurityCode.NoSigner => "The signed message contains no signer.",
        SecurityCode.BadKeyBinding => "The signing subkey is not validly bound to its PGP key.",
        SecurityCode.UnknownCriticalSubpacket => "The signature carries an unknown critical subpacket.",
        SecurityCode.TooComplex => e.Detail!,
        SecurityCode.WeakKey => Weakness(e, now) ?? e.Detail ?? "The signer's key is too weak to trust its signature.",
        _ => $"The signature could not be checked: {e.Detail}",
    };
}
