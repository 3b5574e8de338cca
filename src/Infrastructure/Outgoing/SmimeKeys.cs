using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;
using SecureMail.Infrastructure.Keys;
using static SecureMail.Infrastructure.Outgoing.SecurityGuard;

namespace SecureMail.Infrastructure.Outgoing;

/// <param name="Key">The private key for .NET's cryptography (OpenSSL), see <see cref="SystemSignatureFactory"/>.</param>
internal sealed record SmimeSigningKey(X509Certificate Certificate, IReadOnlyList<X509Certificate> Chain, System.Security.Cryptography.AsymmetricAlgorithm Key);

/// <summary>Opens the S/MIME keys passed in and checks that they can do what is asked of them.</summary>
internal static class SmimeKeys
{
    // RFC 5280 §4.2.1.3 bit positions.
    private const int DigitalSignature = 0, NonRepudiation = 1, KeyEncipherment = 2;

    public static SmimeSigningKey Signer(SmimeSigner signer, DateTimeOffset at)
    {
        KeyFailure Signing(KeyProblem problem) => new(SecurityOperation.Sign, MailSecuritySystem.SMIME, problem, signer.Fingerprint);
        var (certificate, chain, key) = Run(Signing(KeyProblem.Unreadable),
            () => (Certificate(signer.Certificate), signer.Chain.Select(Certificate).ToList(), ParsedKeys.PrivateKey(signer.Pkcs8PrivateKey)));

        if (!BelongsTo(key, certificate.GetPublicKey()))
            throw Failed(Signing(KeyProblem.NotTheCertificatesKey));
        if (!certificate.IsValid(at.UtcDateTime))
            throw Failed(Signing(KeyProblem.NotValidNow));
        if (certificate.GetKeyUsage() is { } usage && !usage[DigitalSignature] && !usage[NonRepudiation])
            throw Failed(Signing(KeyProblem.UsageForbids));

        return Run(Signing(KeyProblem.UnsupportedKey),
            () => new SmimeSigningKey(certificate, chain, ParsedKeys.SystemPrivateKey(signer.Pkcs8PrivateKey)));
    }

    public static CmsRecipientCollection Recipients(IReadOnlyList<SmimeRecipient> recipients, DateTimeOffset at)
    {
        var collection = new CmsRecipientCollection();
        foreach (var recipient in recipients)
            collection.Add(Recipient(recipient, at));
        return collection;
    }

    private static CmsRecipient Recipient(SmimeRecipient recipient, DateTimeOffset at)
    {
        KeyFailure Encrypting(KeyProblem problem) => new(SecurityOperation.Encrypt, MailSecuritySystem.SMIME, problem, recipient.Fingerprint, recipient.Email);
        var certificate = Run(Encrypting(KeyProblem.Unreadable), () => Certificate(recipient.Certificate));

        // Only RSA is encrypted to: BouncyCastle writes ECC-CMS-SharedInfo with NULL key-wrap parameters, which OpenSSL
        // and others reject. The plan never chooses an EC certificate (KeyCandidate.EncryptionUnsupported); this holds the
        // adapter to the same line whatever it is given.
        if (certificate.GetPublicKey() is not RsaKeyParameters)
            throw Failed(Encrypting(KeyProblem.UnsupportedKey));
        if (!certificate.IsValid(at.UtcDateTime))
            throw Failed(Encrypting(KeyProblem.NotValidNow));
        if (certificate.GetKeyUsage() is { } usage && !usage[KeyEncipherment])
            throw Failed(Encrypting(KeyProblem.UsageForbids));

        // Without an SMIMECapabilities extension MimeKit would fall back to 3DES.
        return new CmsRecipient(certificate) { EncryptionAlgorithms = [EncryptionAlgorithm.Aes256, EncryptionAlgorithm.Aes128] };
    }

    private static X509Certificate Certificate(byte[] der) => ParsedKeys.Certificate(der);

    private static bool BelongsTo(AsymmetricKeyParameter key, AsymmetricKeyParameter publicKey) => (key, publicKey) switch
    {
        (RsaKeyParameters { IsPrivate: true } rsa, RsaKeyParameters pub) => rsa.Modulus.Equals(pub.Modulus),
        (ECPrivateKeyParameters ec, ECPublicKeyParameters pub) =>
            ec.Parameters.Equals(pub.Parameters) && ec.Parameters.G.Multiply(ec.D).Normalize().Equals(pub.Q.Normalize()),
        _ => false,
    };
}
