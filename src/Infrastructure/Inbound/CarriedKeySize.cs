using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.X509;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Whether a key that arrived in a message is small enough to be used (<see cref="InboundBudget.MaxCarriedKeyBits"/>),
/// told from its encoding: building the key is the expense being avoided.</summary>
internal static class CarriedKeySize
{
    public static bool Fits(PgpPublicKeyRing ring) => ring.GetPublicKeys().All(key => key.BitStrength <= InboundBudget.MaxCarriedKeyBits);

    public static bool Fits(X509Certificate certificate)
    {
        try
        {
            var key = certificate.SubjectPublicKeyInfo;
            var algorithm = key.Algorithm.Algorithm;
            if (algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption) || algorithm.Equals(PkcsObjectIdentifiers.IdRsassaPss))
                return RsaPublicKeyStructure.GetInstance(key.ParsePublicKey()).Modulus.BitLength <= InboundBudget.MaxCarriedKeyBits;
            if (algorithm.Equals(X9ObjectIdentifiers.IdDsa))
                return key.Algorithm.Parameters is null || DsaParameter.GetInstance(key.Algorithm.Parameters).P.BitLength <= InboundBudget.MaxCarriedKeyBits;
            // RFC 5480 §2.1.1: a certificate names its curve. Explicit curve parameters, whose prime BouncyCastle would test, are not used.
            if (algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey))
                return X962Parameters.GetInstance(key.Algorithm.Parameters).IsNamedCurve;
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
