using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>The certificates a SignedData carries. Only the first few may serve as intermediates; the signer's own
/// certificate is looked for in the whole set (senders sort it as DER sorts a SET, anywhere), by name and serial alone.</summary>
internal sealed class CarriedCertificates
{
    private readonly Asn1Set? _set;

    private CarriedCertificates(Asn1Set? set)
    {
        _set = set;
        First = All().Take(SmimeBudget.CarriedCertificates).ToList();
    }

    /// <summary>The ones looked at as possible issuers, in the order the message lists them.</summary>
    public IReadOnlyList<X509Certificate> First { get; }

    public static CarriedCertificates Of(CmsSignedData signed) => new(SignedData.GetInstance(signed.ContentInfo.Content).Certificates);

    public X509Certificate? Find(Func<X509Certificate, bool> match) => First.FirstOrDefault(match) ?? All().Skip(First.Count).FirstOrDefault(match);

    // Parsed one at a time as they are enumerated; other CertificateChoices (attribute certificates) and unreadable ones are skipped.
    private IEnumerable<X509Certificate> All() =>
        (_set?.Cast<Asn1Encodable>() ?? []).Select(c => c.ToAsn1Object()).OfType<Asn1Sequence>().Select(Parse).OfType<X509Certificate>();

    private static X509Certificate? Parse(Asn1Sequence certificate)
    {
        try
        {
            return new X509Certificate(X509CertificateStructure.GetInstance(certificate));
        }
        catch (Exception)
        {
            return null;
        }
    }
}
