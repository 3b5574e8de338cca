using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.EdEC;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X9;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>Names for public key algorithm OIDs; only RSA and EC are accepted as S/MIME keys.</summary>
internal static class KeyAlgorithms
{
    public const string Rsa = "RSA";
    public const string Ec = "EC";

    private static readonly Dictionary<DerObjectIdentifier, string> Names = new()
    {
        [PkcsObjectIdentifiers.RsaEncryption] = Rsa,
        [X9ObjectIdentifiers.IdECPublicKey] = Ec,
        [PkcsObjectIdentifiers.IdRsassaPss] = "RSASSA-PSS",
        [X9ObjectIdentifiers.IdDsa] = "DSA",
        [EdECObjectIdentifiers.id_Ed25519] = "Ed25519",
        [EdECObjectIdentifiers.id_Ed448] = "Ed448",
        [EdECObjectIdentifiers.id_X25519] = "X25519",
        [EdECObjectIdentifiers.id_X448] = "X448",
    };

    public static string Name(DerObjectIdentifier algorithm) =>
        Names.TryGetValue(algorithm, out var name) ? name : algorithm.Id;
}
