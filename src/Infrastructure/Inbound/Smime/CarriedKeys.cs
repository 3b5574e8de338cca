using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.X509;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Keystore.Smime;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Public keys of certificates that came in a message, bounded before anything costly is done with them.</summary>
internal static class CarriedKeys
{
    private const string MaxMillerRabinTests = "Org.BouncyCastle.Rsa.MaxMRTests";
    private const string MaxRsaSize = "Org.BouncyCastle.Rsa.MaxSize";

    /// <summary>Why the key is not used, read from the SubjectPublicKeyInfo alone (no key object is built); null when it may be.</summary>
    public static (SecurityCode Code, string Detail)? Refusal(X509Certificate certificate)
    {
        var info = certificate.SubjectPublicKeyInfo;
        var subject = Rendering.Name(certificate.SubjectDN);
        try
        {
            if (info.Algorithm.Algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption))
            {
                var rsa = RsaPublicKeyStructure.GetInstance(info.ParsePublicKey());
                var bits = rsa.Modulus.BitLength;
                if (bits > SmimeBudget.MaxRsaBits)
                    return (SecurityCode.Unsupported, $"The certificate {subject} has an RSA key of {bits} bits; keys over {SmimeBudget.MaxRsaBits} bits are not checked.");
                if (bits < SmimeBudget.MinRsaBits)
                    return (SecurityCode.WeakKey, $"The certificate {subject} has an RSA key of {bits} bits; at least {SmimeBudget.MinRsaBits} are required.");
                if (rsa.PublicExponent.BitLength > SmimeBudget.MaxRsaExponentBits)
                    return (SecurityCode.Unsupported, $"The certificate {subject} has an RSA public exponent of {rsa.PublicExponent.BitLength} bits; it is not checked.");
            }
            else if (info.Algorithm.Algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey)
                && info.Algorithm.Parameters?.ToAsn1Object() is not DerObjectIdentifier)
            {
                // Explicit curve parameters make the verifier build an arbitrary curve the sender chose (RFC 5480 §2.1.1: named curves only).
                return (SecurityCode.Unsupported, $"The certificate {subject} has an EC key on explicitly specified curve parameters; only named curves are accepted.");
            }
            return null;
        }
        catch (Exception)
        {
            return (SecurityCode.Malformed, $"The public key of the certificate {subject} is unreadable.");
        }
    }

    /// <summary>Builds (and leaves cached in <paramref name="certificate"/>) its public key without the Miller-Rabin tests that
    /// BouncyCastle runs on every RSA modulus: they would make each carried certificate a prime test. Trust never rests
    /// on a carried key being well formed: it rests on a trust anchor's signature or on an imported certificate with this
    /// very key, whose modulus was tested when it was imported.</summary>
    /// <returns>Null when the key cannot be built; the signature check then fails as it would have.</returns>
    public static AsymmetricKeyParameter? PublicKey(X509Certificate certificate)
    {
        try
        {
            return Properties.WithThreadProperty(MaxMillerRabinTests, "0", () =>
                Properties.WithThreadProperty(MaxRsaSize, SmimeBudget.MaxRsaBits.ToString(), certificate.GetPublicKey));
        }
        catch (Exception)
        {
            return null;
        }
    }
}
