using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.X509;
using SecureMail.Infrastructure.Keystore.Smime;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>The first reason a path that reaches a trust anchor is still not to be trusted, in words that name the
/// certificate and the rule: the path validator's findings from the anchor down, then digests and key sizes it does not judge.</summary>
internal static class ChainProblems
{
    private const X509ChainStatusFlags NameConstraints = X509ChainStatusFlags.HasNotPermittedNameConstraint
        | X509ChainStatusFlags.HasExcludedNameConstraint | X509ChainStatusFlags.HasNotSupportedNameConstraint
        | X509ChainStatusFlags.HasNotDefinedNameConstraint;

    // Certificate signatures over MD2, MD4, MD5 or SHA-1 can be forged by collision (a rogue CA was made this way with MD5).
    private static readonly Dictionary<string, string> WeakSignatures = new()
    {
        ["1.2.840.113549.1.1.2"] = "MD2",
        ["1.2.840.113549.1.1.3"] = "MD4",
        ["1.2.840.113549.1.1.4"] = "MD5",
        ["1.3.14.3.2.3"] = "MD5",
        ["1.2.840.113549.1.1.5"] = "SHA-1",
        ["1.3.14.3.2.29"] = "SHA-1",
        ["1.2.840.10045.4.1"] = "SHA-1",
        ["1.2.840.10040.4.3"] = "SHA-1",
    };

    public static string? First(IReadOnlyList<PathElement> path, DateTimeOffset now)
    {
        var certificates = path.Select(e => new X509CertificateParser().ReadCertificate(e.Der)).ToList();
        for (var i = path.Count - 1; i >= 0; i--)
            if (Problem(certificates, i, Flags(path[i], signer: i == 0), path[i], now) is { } problem)
                return problem;
        for (var i = 0; i < certificates.Count - 1; i++)
            if (WeakDigest(certificates[i]) is { } digest)
                return $"The certificate {Name(certificates[i])} is signed with {digest}, a weak algorithm.";
        for (var i = 1; i < certificates.Count; i++)
            if (CarriedKeys.Refusal(certificates[i]) is { } refusal)
                return refusal.Detail;
        return null;
    }

    // The signer's own validity is judged by the Domain, which says "expired" or "not yet valid" in its words.
    private static X509ChainStatusFlags Flags(PathElement element, bool signer) =>
        element.Status.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status)
        & ~(signer ? X509ChainStatusFlags.NotTimeValid : X509ChainStatusFlags.NoError);

    private static string? Problem(IReadOnlyList<X509Certificate> path, int i, X509ChainStatusFlags flags, PathElement element, DateTimeOffset now)
    {
        var certificate = path[i];
        var name = Name(certificate);
        if (flags == X509ChainStatusFlags.NoError)
            return null;
        if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid))
            return now > Rendering.Utc(certificate.NotAfter)
                ? $"The CA certificate {name} expired on {Rendering.Utc(certificate.NotAfter):u}."
                : $"The CA certificate {name} is not valid before {Rendering.Utc(certificate.NotBefore):u}.";
        if (i > 0 && (flags.HasFlag(X509ChainStatusFlags.InvalidBasicConstraints) || flags.HasFlag(X509ChainStatusFlags.NotValidForUsage)))
            return IssuerProblem(path[i], path[i - 1]);
        if ((flags & NameConstraints) != 0)
            return $"The certificate {name} is outside the name constraints of a CA certificate above it.";
        if (flags.HasFlag(X509ChainStatusFlags.NotSignatureValid))
            return $"The signature on the certificate {name} does not verify with its issuer's key.";
        return $"The certificate {name} fails path validation: " +
            string.Join("; ", element.Status.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).DefaultIfEmpty(flags.ToString())) + ".";
    }

    // RFC 5280 §6.1.4 (k) CA:TRUE, (l)/(m) path length, (n) keyCertSign: the validator folds all three into one status.
    private static string IssuerProblem(X509Certificate certificate, X509Certificate issued)
    {
        var name = Name(certificate);
        if (certificate.GetBasicConstraints() < 0)
            return $"The certificate {name} issued {Name(issued)} but is not a CA certificate (basicConstraints CA:TRUE).";
        if (certificate.GetKeyUsage() is { } usage && !usage[5])
            return $"The CA certificate {name} may not sign certificates: its key usage lacks keyCertSign.";
        return $"The path length constraint of the CA certificate {name} (pathlen:{certificate.GetBasicConstraints()}) is exceeded.";
    }

    private static string? WeakDigest(X509Certificate certificate)
    {
        if (WeakSignatures.TryGetValue(certificate.SigAlgOid, out var digest))
            return digest;
        if (certificate.SigAlgOid != PkcsObjectIdentifiers.IdRsassaPss.Id)
            return null;
        try
        {
            // RSASSA-PSS parameters default to SHA-1 (RFC 4055 §3.1).
            var hash = certificate.GetSigAlgParams() is { } encoded
                ? RsassaPssParameters.GetInstance(Asn1Object.FromByteArray(encoded)).HashAlgorithm.Algorithm.Id
                : "1.3.14.3.2.26";
            return hash switch { "1.3.14.3.2.26" => "SHA-1", "1.2.840.113549.2.5" => "MD5", _ => null };
        }
        catch (Exception)
        {
            return "RSASSA-PSS of unreadable parameters";
        }
    }

    private static string Name(X509Certificate certificate) => Rendering.Name(certificate.SubjectDN);
}
