using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Bcpg.Sig;
using SecureMail.Infrastructure.Algorithms;

namespace SecureMail.Infrastructure.Keystore.Pgp;

/// <summary>Algorithm names, key sizes and key flag names as <see cref="Domain.Keystore.PgpKeyFacts"/> renders them.</summary>
internal static class PgpAlgorithms
{
    public static string? Name(PublicKeyAlgorithmTag algorithm) => algorithm switch
    {
        PublicKeyAlgorithmTag.RsaGeneral or PublicKeyAlgorithmTag.RsaEncrypt or PublicKeyAlgorithmTag.RsaSign => "RSA",
        PublicKeyAlgorithmTag.Dsa => "DSA",
        PublicKeyAlgorithmTag.ElGamalEncrypt or PublicKeyAlgorithmTag.ElGamalGeneral => "ElGamal",
        PublicKeyAlgorithmTag.ECDH => "ECDH",
        PublicKeyAlgorithmTag.ECDsa => "ECDSA",
        PublicKeyAlgorithmTag.EdDsa_Legacy => "EdDSA",
        PublicKeyAlgorithmTag.X25519 => "X25519",
        PublicKeyAlgorithmTag.X448 => "X448",
        PublicKeyAlgorithmTag.Ed25519 => "Ed25519",
        PublicKeyAlgorithmTag.Ed448 => "Ed448",
        _ => null,
    };

    /// <summary>Bits as gpg reports them: 255 for the 25519 curves, the field size for other curves.</summary>
    public static int KeySize(PgpPublicKey key) => key.Algorithm switch
    {
        PublicKeyAlgorithmTag.X25519 or PublicKeyAlgorithmTag.Ed25519 => 255,
        PublicKeyAlgorithmTag.X448 or PublicKeyAlgorithmTag.Ed448 => 448,
        _ when key.PublicKeyPacket.Key is ECPublicBcpgKey ec => CurveSize(ec.CurveOid.Id) ?? key.BitStrength,
        _ => key.BitStrength,
    };

    /// <summary>The curve of an ECDSA, ECDH or EdDSA key; null for keys whose algorithm names their curve or that have none.</summary>
    public static string? Curve(PgpPublicKey key) =>
        key.PublicKeyPacket.Key is ECPublicBcpgKey ec ? CurveNames.Of(ec.CurveOid) : null;

    public static IReadOnlyList<string> KeyFlagNames(PgpSignature? signature)
    {
        var subpackets = signature?.GetHashedSubPackets();
        if (subpackets is null || !subpackets.HasSubpacket(SignatureSubpacketTag.KeyFlags))
            return [];
        var flags = subpackets.GetKeyFlags();
        return FlagNames.Where(f => (flags & f.Bit) != 0).Select(f => f.Name).ToList();
    }

    private static readonly (int Bit, string Name)[] FlagNames =
    [
        (KeyFlags.CertifyOther, "certify"),
        (KeyFlags.SignData, "sign"),
        (KeyFlags.EncryptComms, "encryptCommunications"),
        (KeyFlags.EncryptStorage, "encryptStorage"),
        (KeyFlags.Authentication, "authenticate"),
    ];

    private static int? CurveSize(string oid) => oid switch
    {
        "1.3.6.1.4.1.11591.15.1" or "1.3.6.1.4.1.3029.1.5.1" or "1.3.101.110" or "1.3.101.112" => 255,
        "1.3.101.111" or "1.3.101.113" => 448,
        _ => ECNamedCurveTable.GetByOid(new Org.BouncyCastle.Asn1.DerObjectIdentifier(oid))?.Curve.FieldSize,
    };
}
