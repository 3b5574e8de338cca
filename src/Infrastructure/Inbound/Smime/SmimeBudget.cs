namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>What one signed message may make us do. The certificates a SignedData carries are unauthenticated: anyone
/// on the path can add thousands named like the signer's issuer, each of which would otherwise cost a key build, a prime
/// test and a signature check.</summary>
internal static class SmimeBudget
{
    /// <summary>Carried certificates looked at, in the order the message lists them; the rest are ignored.</summary>
    public const int CarriedCertificates = 50;

    /// <summary>Carried certificates tried as the issuer at each step of a chain.</summary>
    public const int IssuersPerStep = 4;

    /// <summary>Certificates between the signer and a trust anchor.</summary>
    public const int MaxIntermediates = 6;

    /// <summary>SignerInfos checked; a layer with more is not shown as verified, since "every signature verifies" cannot be said.</summary>
    public const int Signers = 8;

    public const int MaxRsaBits = 8192;

    /// <summary>The key-size floor of the keystore's key policy: anything smaller is factorable by a determined attacker.</summary>
    public const int MinRsaBits = Domain.Keystore.KeyPolicy.MinimumBits;

    /// <summary>FIPS 186-4 §B.3.1: e &lt; 2^256. A larger exponent makes one verification a full-size modular exponentiation.</summary>
    public const int MaxRsaExponentBits = 256;
}
