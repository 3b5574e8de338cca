using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using SecureMail.Application.Keystore;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>The password-hashing iterations a PKCS#12 file or an encrypted PKCS#8 key asks for, counted and refused
/// above a budget before any key is derived. Whoever made the file chose the counts, and BouncyCastle would run them
/// synchronously in the request.</summary>
internal static class PasswordWork
{
    /// <summary>OpenSSL 3 writes 2,048 per derivation and Java and Windows 10,000; this leaves room for files made by
    /// tools that follow OWASP's 600,000 for PBKDF2-HMAC-SHA256, and takes a few seconds at most.</summary>
    public const long MaxIterations = 2_000_000;

    private static readonly DerObjectIdentifier Pkcs12Pbe = new(PkcsObjectIdentifiers.Pkcs12PbeIds);

    private static readonly HashSet<DerObjectIdentifier> Pbes1 =
    [
        PkcsObjectIdentifiers.PbeWithMD2AndDesCbc, PkcsObjectIdentifiers.PbeWithMD2AndRC2Cbc, PkcsObjectIdentifiers.PbeWithMD5AndDesCbc,
        PkcsObjectIdentifiers.PbeWithMD5AndRC2Cbc, PkcsObjectIdentifiers.PbeWithSha1AndDesCbc, PkcsObjectIdentifiers.PbeWithSha1AndRC2Cbc,
    ];

    /// <param name="Part">What the iterations protect: "MAC", "encrypted contents", "private key".</param>
    public sealed record Derivation(string Part, long Iterations);

    /// <summary>The iterations of PKCS#12's own PBE (RFC 7292 appendix C), PBES1 and PBES2 with PBKDF2 (RFC 8018); 0 for
    /// an algorithm that derives nothing from a password.</summary>
    public static long IterationsOf(AlgorithmIdentifier algorithm)
    {
        var oid = algorithm.Algorithm;
        if (oid.Equals(PkcsObjectIdentifiers.IdPbeS2))
        {
            var kdf = PbeS2Parameters.GetInstance(algorithm.Parameters).KeyDerivationFunc;
            if (!kdf.Algorithm.Equals(PkcsObjectIdentifiers.IdPbkdf2))
                throw Rejection.Unsupported("The key is encrypted with a key derivation other than PBKDF2 (e.g. scrypt), which is not supported.");
            return Iterations(Pbkdf2Params.GetInstance(kdf.Parameters).IterationCount);
        }
        if (oid.On(Pkcs12Pbe))
            return Iterations(Pkcs12PbeParams.GetInstance(algorithm.Parameters).Iterations);
        if (Pbes1.Contains(oid))
            return Iterations(PbeParameter.GetInstance(algorithm.Parameters).IterationCount);
        return 0;
    }

    /// <param name="advice">How to make a file that costs less, for the admin who reads the refusal.</param>
    public static void EnsureAffordable(string what, IReadOnlyList<Derivation> derivations, string advice)
    {
        var total = derivations.Sum(d => d.Iterations);
        if (total <= MaxIterations)
            return;
        var parts = derivations.GroupBy(d => d.Part).Select(g => $"{g.Key} {g.Sum(d => d.Iterations):N0}");
        throw new KeyMaterialRejected(KeyMaterialProblem.TooCostly,
            $"Opening {what} takes {total:N0} password-hashing iterations ({string.Join(", ", parts)}); an import does at most " +
            $"{MaxIterations:N0}. {advice}");
    }

    /// <summary>A count as the budget reads it: one past any sane value is as refused as one past the budget (and a long
    /// holds any sum of counts below it); a negative count derives nothing and must not lower the sum.</summary>
    public static long Iterations(BigInteger count) => count.SignValue <= 0 ? 0 : count.BitLength > 40 ? MaxIterations + 1 : count.LongValue;
}
