using SecureMail.Application.Keystore.Smime;
using SecureMail.Domain.Keystore;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>S/MIME key material over BouncyCastle. Input is hostile: every failure leaves as
/// <see cref="Application.Keystore.KeyMaterialRejected"/> with a message that names no secret.</summary>
public sealed class BouncyCastleSmimeKeyMaterialReader : ISmimeKeyMaterialReader
{
    public IReadOnlyList<CertificateFacts> ReadCertificates(byte[] data) =>
        Rejection.Guard(
            () => CertificateParser.Parse(data).Select(CertificateFactsReader.Read).ToList(),
            "The certificate's contents cannot be read.");

    public PrivateKeyMaterial ReadPrivateKey(byte[] data, string? password, CancellationToken cancellation = default) =>
        Rejection.Guard(() => PrivateKeyReader.Read(data, password, cancellation), "The private key cannot be read.");

    public CrlFacts ReadCrl(byte[] data) =>
        Rejection.Guard(() => CrlReader.Read(data), "The CRL cannot be read.");

    public bool IsCrlSignedBy(CrlFacts crl, CertificateFacts issuer) =>
        Rejection.Guard(() => CrlReader.IsSignedBy(crl, issuer), "The CRL or the issuer certificate cannot be read.");
}
