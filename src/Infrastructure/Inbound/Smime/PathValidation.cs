using System.Security.Cryptography.X509Certificates;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>RFC 5280 path validation by .NET's X509Chain (OpenSSL on Linux) with our trust anchors as the only roots:
/// validity of every certificate at the current time (not the signing time the message claims), basic constraints and
/// path length, keyCertSign on issuers, name constraints. Revocation is the Domain's (imported CRLs), and nothing is
/// fetched from the network.</summary>
internal static class PathValidation
{
    public static ChainOutcome Validate(X509Certificate signer, ChainCandidates candidates, DateTimeOffset now)
    {
        var loaded = new List<X509Certificate2>();
        try
        {
            if (Load(signer, loaded) is not { } leaf)
                return ChainOutcome.Untrusted("The signer's certificate cannot be read for path validation.");
            using var chain = new X509Chain();
            var policy = chain.ChainPolicy;
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.RevocationMode = X509RevocationMode.NoCheck;
            policy.DisableCertificateDownloads = true;
            policy.VerificationTime = now.UtcDateTime;
            foreach (var anchor in candidates.Anchors)
                if (Load(anchor, loaded) is { } root)
                    policy.CustomTrustStore.Add(root);
            foreach (var intermediate in candidates.Intermediates)
                if (Load(intermediate, loaded) is { } certificate)
                    policy.ExtraStore.Add(certificate);

            chain.Build(leaf);
            var elements = chain.ChainElements.Select(e => new PathElement(e.Certificate.RawData, e.ChainElementStatus)).ToList();
            if (!ReachesAnchor(chain, elements, candidates))
                return ChainOutcome.NoPathToAnchor;
            return ChainProblems.First(elements, now) is { } problem ? ChainOutcome.Untrusted(problem) : ChainOutcome.Trusted;
        }
        finally
        {
            foreach (var certificate in loaded)
                certificate.Dispose();
        }
    }

    private static bool ReachesAnchor(X509Chain chain, IReadOnlyList<PathElement> elements, ChainCandidates candidates) =>
        elements.Count > 0
        && !chain.ChainStatus.Any(s => s.Status is X509ChainStatusFlags.PartialChain or X509ChainStatusFlags.UntrustedRoot)
        && candidates.Anchors.Any(a => SmimeChain.Fingerprint(a) == SmimeChain.Fingerprint(elements[^1].Der));

    private static X509Certificate2? Load(X509Certificate certificate, List<X509Certificate2> loaded)
    {
        try
        {
            var system = X509CertificateLoader.LoadCertificate(certificate.GetEncoded());
            loaded.Add(system);
            return system;
        }
        catch (Exception)
        {
            return null;
        }
    }
}

/// <param name="Der">The certificate at this position, signer first, trust anchor last.</param>
internal sealed record PathElement(byte[] Der, IReadOnlyList<X509ChainStatus> Status);
