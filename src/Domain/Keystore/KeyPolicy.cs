namespace SecureMail.Domain.Keystore;

/// <param name="Description">What is too weak, worded to follow "has": "an RSA key of 1024 bits".</param>
/// <param name="Requirement">What the policy asks for instead.</param>
public sealed record KeyWeakness(string Description, string Requirement)
{
    public override string ToString() => $"{Description}; {Requirement}";
}

/// <summary>The minimum strength of every key the keystore takes, encrypts to, signs with, or trusts a signature of.
/// Applied at import and again at each use: keys imported before the policy stay in the store. A fact that events
/// written before the policy lack (a curve's name, a signature's digest) is judged by what is known: an EC key by its
/// size, a signature not at all.</summary>
public static class KeyPolicy
{
    public const int MinimumBits = 2048;

    /// <summary>The curve name a reader gives an EC key that carries its curve's parameters instead of a name.</summary>
    public const string ExplicitCurve = "explicit";

    private const int MinimumCurveBits = 255;
    private const string SizeRequirement = "at least 2048 bits are required";
    private const string CertificateCurves = "only the named curves P-256, P-384 and P-521 are accepted";
    private const string PgpCurves = "only Curve25519, Curve448 and the NIST curves P-256, P-384 and P-521 are accepted";

    // The NIST curves of RFC 5480 for certificates; RFC 9580 §9.2 adds the 25519 and 448 curves for OpenPGP.
    // Brainpool and secp256k1 are not broken, but no client we send to needs them and each curve is code to trust.
    private static readonly string[] NistCurves = ["P-256", "P-384", "P-521"];
    private static readonly string[] PgpCurveNames = [.. NistCurves, "Ed25519", "Curve25519", "Ed448", "Curve448"];

    /// <summary>MD5 and SHA-1 have practical collisions (chosen-prefix for SHA-1 since 2020, "SHA-1 is a Shambles",
    /// which forged exactly an OpenPGP identity binding); MD2, MD4 and RIPEMD-160 are weaker or as old.</summary>
    public static bool IsWeakDigest(string digest) =>
        digest.Replace("-", "").ToUpperInvariant() is "MD5" or "SHA1" or "MD2" or "MD4" or "RIPEMD160";

    public static KeyWeakness? Of(CertificateFacts c)
    {
        var key = c.KeyAlgorithm switch
        {
            "RSA" when c.KeySize < MinimumBits => new KeyWeakness($"an RSA key of {c.KeySize} bits", SizeRequirement),
            "EC" => Curve("an EC key", c.Curve, c.KeySize, NistCurves, CertificateCurves),
            _ => null,
        };
        if (key is not null)
            return key;
        // A self-signed certificate's own signature proves nothing to anyone: whoever holds the key can sign anything
        // with it, so a collision gains nothing, and path validation never checks a trust anchor's signature (RFC 5280
        // §6.1). Every other certificate's signature is what a chain relies on. SelfSigned means the certificate's own
        // key verifies it, not merely that issuer and subject read alike: a colliding certificate can name itself.
        return c.SignatureDigest is { } digest && IsWeakDigest(digest) && c.SelfSigned != true
            ? new($"a signature by its issuer made with {digest}",
                "certificates must be signed with SHA-256 or stronger (SHA-1 is tolerated only in a self-signed certificate's own signature)")
            : null;
    }

    /// <summary>A PGP key is as weak as its weakest live part: the primary key, its self-signatures, and each subkey
    /// that is bound, neither revoked nor expired (an old subkey nobody can use any more does not count).</summary>
    public static KeyWeakness? Of(PgpKeyFacts k, DateTimeOffset now)
    {
        if (Part(k.Algorithm, k.KeySize, k.Curve, "key") is { } primary)
            return primary;
        if (k.SelfSignatureDigests?.FirstOrDefault(IsWeakDigest) is { } digest)
            return new($"a self-signature made with {digest}", ResignRequirement);
        foreach (var subkey in k.Subkeys.Where(s => IsLive(s, now)))
        {
            if (Part(subkey.Algorithm, subkey.KeySize, subkey.Curve, "subkey") is { } weak)
                return weak;
            if (subkey.BindingDigest is { } binding && IsWeakDigest(binding))
                return new($"a subkey bound by a signature made with {binding}", ResignRequirement);
        }
        return null;
    }

    private const string ResignRequirement =
        "self-signatures must use SHA-256 or stronger; the key's owner can sign it again (for example gpg --quick-set-expire)";

    private static bool IsLive(PgpSubkeyFacts s, DateTimeOffset now) =>
        !s.Revoked && (s.KeyFlags.Count > 0 || s.BindingDigest is not null) && (s.ExpiresAt is null || now < s.ExpiresAt);

    private static KeyWeakness? Part(string algorithm, int bits, string? curve, string role) => algorithm switch
    {
        "RSA" or "DSA" or "ElGamal" when bits < MinimumBits => new($"{Article(algorithm)} {algorithm} {role} of {bits} bits", SizeRequirement),
        "ECDSA" or "ECDH" or "EdDSA" => Curve($"{Article(algorithm)} {algorithm} {role}", curve, bits, PgpCurveNames, PgpCurves),
        _ => null,
    };

    private static KeyWeakness? Curve(string key, string? curve, int bits, string[] accepted, string requirement) => curve switch
    {
        null when bits < MinimumCurveBits => new($"{key} of {bits} bits", requirement),
        null => null,
        ExplicitCurve => new($"{key} with explicit curve parameters", requirement),
        _ when !accepted.Contains(curve) => new($"{key} on the curve {curve}", requirement),
        _ => null,
    };

    // RSA, ElGamal, ECDSA, ECDH and EdDSA are all read with a vowel first.
    private static string Article(string algorithm) => algorithm == "DSA" ? "a" : "an";
}
