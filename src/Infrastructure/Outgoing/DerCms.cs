using MimeKit;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>Every CMS structure we send goes into its MIME part as DER (X.690 §10: definite lengths, primitive
/// strings, sorted sets). BouncyCastle's CMS generators write BER with indefinite lengths, which RFC 5652 allows but
/// libksba refuses, and with it gpgsm, the S/MIME engine of Kleopatra, KMail and GpgOL.</summary>
internal static class DerCms
{
    /// <returns>The ContentInfo now in the part, for reading what was produced.</returns>
    public static ContentInfo Reencode(MimePart part)
    {
        var content = part.Content ?? throw new ArgumentException("The CMS part has no content.", nameof(part));
        using var ber = new MemoryStream();
        content.DecodeTo(ber);
        var contentInfo = ContentInfo.GetInstance(ber.ToArray());
        part.Content = new MimeContent(new MemoryStream(contentInfo.GetEncoded(Asn1Encodable.Der), writable: false));
        return contentInfo;
    }
}
