using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X9;

namespace SecureMail.Infrastructure.Algorithms;

/// <summary>The names the key policy judges curves by, for X.509 and OpenPGP curve OIDs alike: the NIST curves by
/// their FIPS 186 names, the 25519 and 448 curves by their RFC 9580 names, any other by its registered name or OID.</summary>
internal static class CurveNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["1.2.840.10045.3.1.7"] = "P-256",
        ["1.3.132.0.34"] = "P-384",
        ["1.3.132.0.35"] = "P-521",
        ["1.3.6.1.4.1.11591.15.1"] = "Ed25519",
        ["1.3.101.112"] = "Ed25519",
        ["1.3.6.1.4.1.3029.1.5.1"] = "Curve25519",
        ["1.3.101.110"] = "Curve25519",
        ["1.3.101.113"] = "Ed448",
        ["1.3.101.111"] = "Curve448",
    };

    public static string Of(DerObjectIdentifier oid) =>
        Names.TryGetValue(oid.Id, out var name) ? name : ECNamedCurveTable.GetName(oid) ?? oid.Id;
}
