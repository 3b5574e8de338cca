using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>Certificates from PEM (every CERTIFICATE block; text around them is ignored) or a single DER certificate.</summary>
internal static class CertificateParser
{
    private static readonly string[] Labels = ["CERTIFICATE", "X509 CERTIFICATE"];

    public static IReadOnlyList<X509Certificate> Parse(byte[] data)
    {
        if (data.Length == 0)
            throw Rejection.Unreadable("The certificate file is empty.");
        if (!PemBlocks.LookLikePem(data))
            return [Rejection.Guard(() => FromDer(data), "The data is neither a PEM nor a DER certificate.")];

        var blocks = PemBlocks.Find(data);
        var certificates = blocks.Where(block => Labels.Contains(block.Label)).ToList();
        if (certificates.Count == 0)
            throw Rejection.Unreadable(blocks.Count == 0
                ? "The PEM data holds no complete block."
                : $"Expected a CERTIFICATE PEM block but found {string.Join(", ", blocks.Select(b => b.Label).Distinct())}.");

        return certificates
            .Select((block, index) => Rejection.Guard(
                () => FromDer(PemBlocks.Content(block)),
                $"PEM block {index + 1} is not a readable certificate."))
            .ToList();
    }

    /// <summary>Strict: one complete DER structure, nothing after it.</summary>
    public static X509Certificate FromDer(byte[] der) =>
        new(X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(der)));
}
