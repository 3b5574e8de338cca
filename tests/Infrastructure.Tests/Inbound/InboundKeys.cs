using SecureMail.Application.Inbound;
using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Inbound;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>Keys as the keystore would hold them after an admin imported them, read by the keystore's own readers.</summary>
internal static class InboundKeys
{
    public static CertificateFacts Facts(TestCertificate certificate) => Facts(certificate.Der);

    /// <param name="certificate">DER or PEM, as openssl writes it.</param>
    public static CertificateFacts Facts(byte[] certificate) => new BouncyCastleSmimeKeyMaterialReader().ReadCertificates(certificate).Single();

    public static SmimeDecryptionKey Decryption(TestCertificate certificate) =>
        new(certificate.Fingerprint, certificate.Der, certificate.Pkcs8Der);

    public static PgpPublicKey Public(byte[] publicKeyRing) =>
        new(new BouncyCastlePgpKeyMaterialReader().ReadKeys(publicKeyRing, null).Single().Facts, publicKeyRing);

    /// <summary>Imported as certificates: each trusted for its own signatures only, whatever its basic constraints.</summary>
    public static InMemoryInboundKeyring Importing(params TestCertificate[] certificates)
    {
        var keyring = new InMemoryInboundKeyring();
        keyring.Certificates.AddRange(certificates.Select(Facts));
        return keyring;
    }

    /// <summary>Imported as trust anchors: each vouches for the certificates it issues.</summary>
    public static InMemoryInboundKeyring Trusting(params TestCertificate[] anchors) => Trusting(anchors.Select(Facts).ToArray());

    public static InMemoryInboundKeyring Trusting(params CertificateFacts[] anchors)
    {
        var keyring = new InMemoryInboundKeyring();
        keyring.TrustAnchors.AddRange(anchors);
        return keyring;
    }

    public static Task<InboundInspection> InspectAsync(byte[] raw, InMemoryInboundKeyring keyring) =>
        Task.FromResult(keyring.Inspect(new MimeKitInboundMessageReader(), raw));
}
