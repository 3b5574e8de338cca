using SecureMail.Application.Inbound;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Smime;

namespace SecureMail.Bench.Crypto;

/// <summary>The group (support@example.com) and a customer (alice@example.com), each with a self-signed RSA-2048
/// S/MIME certificate and its private key, as an admin would import them.</summary>
public sealed class SmimeIdentities
{
    public const string Group = "support@example.com";
    public const string Customer = "alice@example.com";

    public TestCertificate Support { get; } = TestCertificates.SelfSigned(Group);
    public TestCertificate Alice { get; } = TestCertificates.SelfSigned(Customer);

    public SmimeProtection SignAndEncryptToCustomer() =>
        new(Signer(Support), [Recipient(Alice, Customer), Recipient(Support, Group)]);

    public SmimeProtection SignOnly() => new(Signer(Support), []);

    /// <summary>What alice's mail client sends the group: signed by her, encrypted to the group.</summary>
    public SmimeProtection CustomerSignsAndEncryptsToGroup() => new(Signer(Alice), [Recipient(Support, Group)]);

    /// <summary>The keystore as an inbound message to the group sees it: the group's private key, both certificates imported.</summary>
    public InMemoryInboundKeyring GroupKeyring()
    {
        var keyring = new InMemoryInboundKeyring();
        keyring.SmimeKeys.Add(new SmimeDecryptionKey(Support.Fingerprint, Support.Der, Support.Pkcs8Der));
        keyring.Certificates.Add(Facts(Support));
        keyring.Certificates.Add(Facts(Alice));
        return keyring;
    }

    private static CertificateFacts Facts(TestCertificate certificate) =>
        new BouncyCastleSmimeKeyMaterialReader().ReadCertificates(certificate.Der).Single();

    private static SmimeSigner Signer(TestCertificate certificate) => new(certificate.Fingerprint, certificate.Der, [], certificate.Pkcs8Der);

    private static SmimeRecipient Recipient(TestCertificate certificate, string email) => new(email, certificate.Fingerprint, certificate.Der);
}
