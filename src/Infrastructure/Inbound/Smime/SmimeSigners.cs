using Org.BouncyCastle.Cms;
using SecureMail.Application.Inbound;
using SecureMail.Infrastructure.Keystore.Smime;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Who a CMS SignedData names as its signers, before anything is verified: the certificates it carries for them,
/// the issuer and serial of those it does not carry, and every issuer on the way up through the carried certificates that
/// may serve as intermediates (the subjects of the trust anchors that could end a chain).</summary>
internal static class SmimeSigners
{
    public static (SignerIds Signers, MimePlaintext? Content) Of(byte[] signature, byte[]? detachedContent)
    {
        try
        {
            var signed = detachedContent is null ? new CmsSignedData(signature) : new CmsSignedData(new CmsProcessableByteArray(detachedContent), signature);
            var content = detachedContent ?? CmsLayers.Encapsulated(signed);
            var signers = signed.GetSignerInfos().GetSigners();
            if (signers.Count > SmimeBudget.Signers)
                return (SignerIds.None, content is null ? null : new MimePlaintext(content));
            var carried = CarriedCertificates.Of(signed);
            var fingerprints = new List<string>();
            var named = new List<(string, string)>();
            var issuers = carried.First.Select(c => Rendering.Name(c.IssuerDN)).ToList();
            foreach (var signer in signers)
            {
                var id = signer.SignerID;
                if (carried.Find(c => CmsIdentifiers.Matches(id, c)) is { } certificate)
                {
                    fingerprints.Add(SmimeChain.Fingerprint(certificate));
                    issuers.Add(Rendering.Name(certificate.IssuerDN));
                }
                else if (id.Issuer is not null && id.SerialNumber is not null)
                {
                    named.Add((Rendering.Name(id.Issuer), Rendering.Serial(id.SerialNumber)));
                }
            }
            return (new SignerIds(fingerprints.Distinct().ToList(), named.Distinct().ToList(), issuers.Distinct().ToList(), []),
                content is null ? null : new MimePlaintext(content));
        }
        catch (Exception)
        {
            // Unreadable: verification says so, and needs no key for it.
            return (SignerIds.None, null);
        }
    }
}
