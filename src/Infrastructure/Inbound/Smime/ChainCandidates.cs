using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Keys;
using SecureMail.Infrastructure.Keystore.Smime;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>What a signer's chain may pass through, found without touching a key: the trust anchors named as an issuer
/// on the way, and carried certificates named as the current certificate's issuer (with its key identifier, when both
/// state one), a few per step and a few steps deep. Only these reach path validation, however many the message holds.</summary>
internal sealed record ChainCandidates(IReadOnlyList<X509Certificate> Anchors, IReadOnlyList<X509Certificate> Intermediates)
{
    public static ChainCandidates Find(X509Certificate signer, IReadOnlyList<X509Certificate> carried, VerificationKeys keys)
    {
        var anchors = new Dictionary<string, X509Certificate>();
        var intermediates = new List<X509Certificate>();
        var issuersAsked = new HashSet<string>();
        var step = new List<X509Certificate> { signer };
        for (var depth = 0; depth <= SmimeBudget.MaxIntermediates && step.Count > 0; depth++)
        {
            var next = new List<X509Certificate>();
            foreach (var current in step)
            {
                if (issuersAsked.Add(Rendering.Name(current.IssuerDN)))
                    foreach (var anchor in keys.AnchorsNamed(Rendering.Name(current.IssuerDN)))
                        anchors.TryAdd(anchor.Fingerprint, ParsedKeys.Certificate(Convert.FromBase64String(anchor.Der)));
                if (depth == SmimeBudget.MaxIntermediates)
                    continue;
                next.AddRange(carried
                    .Where(c => !ReferenceEquals(c, signer) && !intermediates.Contains(c) && !next.Contains(c) && MayHaveIssued(c, current)
                        && CarriedKeys.Refusal(c) is not { Code: SecurityCode.Unsupported })
                    .Take(Math.Max(0, SmimeBudget.IssuersPerStep - next.Count)));
            }
            intermediates.AddRange(next);
            step = next;
        }
        return new(anchors.Values.ToList(), intermediates);
    }

    private static bool MayHaveIssued(X509Certificate issuer, X509Certificate certificate) =>
        issuer.SubjectDN.Equivalent(certificate.IssuerDN)
        && (AuthorityKeyId(certificate) is not { } wanted || SubjectKeyId(issuer) is not { } own || wanted.AsSpan().SequenceEqual(own));

    private static byte[]? AuthorityKeyId(X509Certificate certificate) => Extension(certificate, X509Extensions.AuthorityKeyIdentifier,
        value => AuthorityKeyIdentifier.GetInstance(value).KeyIdentifier?.GetOctets());

    private static byte[]? SubjectKeyId(X509Certificate certificate) => Extension(certificate, X509Extensions.SubjectKeyIdentifier,
        value => SubjectKeyIdentifier.GetInstance(value).GetKeyIdentifier());

    // An unreadable key identifier says nothing; the name still has to match, and path validation judges the rest.
    private static byte[]? Extension(X509Certificate certificate, Org.BouncyCastle.Asn1.DerObjectIdentifier oid, Func<Org.BouncyCastle.Asn1.Asn1Object, byte[]?> read)
    {
        try
        {
            return certificate.GetExtensionValue(oid) is { } value ? read(X509ExtensionUtilities.FromExtensionValue(value)) : null;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
