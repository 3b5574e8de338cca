using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;
using SecureMail.Application.Keystore.Smime;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>A private key from PEM or PKCS#12, checked to be RSA or EC and re-encoded as plain PKCS#8.</summary>
internal static class PrivateKeyReader
{
    public static PrivateKeyMaterial Read(byte[] data, string? password, CancellationToken cancellation)
    {
        if (data.Length == 0)
            throw Rejection.Unreadable("The private key file is empty.");
        return PemBlocks.LookLikePem(data)
            ? Material(PemPrivateKeyReader.Read(data, password), [])
            : Pkcs12KeyReader.Read(data, password, cancellation);
    }

    public static PrivateKeyMaterial Material(AsymmetricKeyParameter privateKey, IReadOnlyList<X509Certificate> certificates)
    {
        var publicKey = PublicKeyOf(privateKey);
        var pkcs8 = Rejection.Guard(
            () => PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetDerEncoded(), "The private key cannot be encoded.");
        var fingerprint = Rendering.PublicKeyFingerprint(publicKey);
        var facts = certificates
            .Select(certificate => Rejection.Guard(() => CertificateFactsReader.Read(certificate), "A certificate in the file cannot be read."))
            .OrderBy(certificate => certificate.PublicKeyFingerprint != fingerprint);
        return new PrivateKeyMaterial(fingerprint, pkcs8, facts.ToList());
    }

    private static AsymmetricKeyParameter PublicKeyOf(AsymmetricKeyParameter privateKey) => privateKey switch
    {
        RsaPrivateCrtKeyParameters rsa => new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent),
        ECPrivateKeyParameters ec => ECPublicKeyOf(ec),
        RsaKeyParameters => throw Rejection.Unsupported("RSA private keys without their public exponent are not supported."),
        _ => throw Rejection.Unsupported("Only RSA and EC private keys are supported."),
    };

    private static ECPublicKeyParameters ECPublicKeyOf(ECPrivateKeyParameters ec)
    {
        var point = new FixedPointCombMultiplier().Multiply(ec.Parameters.G, ec.D).Normalize();
        // Keeping the named curve makes the SubjectPublicKeyInfo match the certificate's.
        return ec.PublicKeyParamSet is { } curve
            ? new ECPublicKeyParameters("EC", point, curve)
            : new ECPublicKeyParameters("EC", point, ec.Parameters);
    }
}
