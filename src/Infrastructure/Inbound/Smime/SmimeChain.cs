using System.Security.Cryptography;
using Org.BouncyCastle.X509;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using static SecureMail.Infrastructure.Inbound.Failures;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <param name="Code">Null when the signer is trusted; else unknown-signer (no path to a trust anchor) or untrusted-chain.</param>
internal sealed record ChainOutcome(SecurityCode? Code, string? Detail)
{
    public static readonly ChainOutcome Trusted = new(null, null);
    public static readonly ChainOutcome NoPathToAnchor = new(SecurityCode.UnknownSigner, null);

    public static ChainOutcome Untrusted(string reason) => new(SecurityCode.UntrustedChain, reason);
}

/// <summary>Is the signer certificate one an admin imported (trusted for its own signatures, whoever issued it), or does it
/// chain to a trust anchor? Certificates the message carries may serve as intermediates, never as anchors: an attacker can
/// put any self-signed CA in a message. The signer's own validity, revocation and key usage are the Domain's.</summary>
internal static class SmimeChain
{
    public static ChainOutcome Evaluate(X509Certificate signer, IReadOnlyList<X509Certificate> carried, VerificationKeys keys)
    {
        if (keys.Certificate(Fingerprint(signer)) is not null)
            return ChainOutcome.Trusted;
        var candidates = ChainCandidates.Find(signer, carried, keys);
        return candidates.Anchors.Count == 0
            ? ChainOutcome.NoPathToAnchor
            : PathValidation.Validate(signer, candidates, DateTimeOffset.UtcNow);
    }

    public static string Fingerprint(X509Certificate certificate) => Fingerprint(certificate.GetEncoded());

    public static string Fingerprint(byte[] der) => Convert.ToHexStringLower(SHA256.HashData(der));
}
