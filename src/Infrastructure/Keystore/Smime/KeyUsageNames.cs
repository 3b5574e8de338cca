using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>The names RFC 5280 §4.2.1.3 and §4.2.1.12 give key usages and extended key usages.</summary>
internal static class KeyUsageNames
{
    // Bit order of the KeyUsage BIT STRING, RFC 5280 §4.2.1.3.
    private static readonly string[] Bits =
    [
        "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
        "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly",
    ];

    private static readonly Dictionary<DerObjectIdentifier, string> Purposes = new()
    {
        [KeyPurposeID.id_kp_serverAuth] = "serverAuth",
        [KeyPurposeID.id_kp_clientAuth] = "clientAuth",
        [KeyPurposeID.id_kp_codeSigning] = "codeSigning",
        [KeyPurposeID.id_kp_emailProtection] = "emailProtection",
        [KeyPurposeID.id_kp_timeStamping] = "timeStamping",
        [KeyPurposeID.id_kp_OCSPSigning] = "OCSPSigning",
        [KeyPurposeID.AnyExtendedKeyUsage] = "anyExtendedKeyUsage",
    };

    /// <summary>Null when the certificate has no KeyUsage extension (<paramref name="bits"/> null).</summary>
    public static IReadOnlyList<string>? Of(bool[]? bits) =>
        bits?.Take(Bits.Length).Select((set, index) => (set, index)).Where(bit => bit.set).Select(bit => Bits[bit.index]).ToList();

    public static string OfPurpose(DerObjectIdentifier purpose) =>
        Purposes.TryGetValue(purpose, out var name) ? name : purpose.Id;
}
