using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Keystore;

namespace SecureMail.Infrastructure.Keystore.Pgp;

/// <summary>What opening the secret keys of an upload will cost, summed before any key derivation runs. Whoever made
/// a key chose its S2K parameters (RFC 9580 §3.7), and every secret (sub)key is derived on its own: a ring of many
/// subkeys at the largest iteration count would hold a request for minutes.</summary>
internal static class S2kWork
{
    /// <summary>The largest count the iterated S2K's one-octet coding allows; gpg-agent calibrates to it on a fast machine.</summary>
    public const long GpgMaximumCount = 65_011_712;

    /// <summary>Four secret keys at gpg's largest count: a primary key with signing, encryption and authentication subkeys.</summary>
    public const long MaxHashedBytes = 4 * GpgMaximumCount;

    /// <summary>2^16 KiB = 64 MiB: RFC 9580 §3.7.1.4's second recommended parameters (its first needs 2 GiB, too much
    /// memory for one request).</summary>
    public const int MaxArgon2MemoryExponent = 16;

    public const int MaxArgon2Lanes = 16;

    /// <summary>Four keys at the recommended three passes over 64 MiB.</summary>
    public const long MaxArgon2Kibibytes = 4 * 3 * (1L << MaxArgon2MemoryExponent);

    public static void EnsureAffordable(IEnumerable<PgpSecretKey> keys)
    {
        var derived = keys.Where(k => !k.IsPrivateKeyEmpty && k.KeyEncryptionAlgorithm != SymmetricKeyAlgorithmTag.Null && k.S2k is not null).ToList();
        var iterated = derived.Where(k => k.S2k.Type == S2k.SaltedAndIterated).ToList();
        var hashed = iterated.Sum(k => k.S2k.IterationCount);
        if (hashed > MaxHashedBytes)
            throw TooCostly($"Opening the secret keys would hash {hashed:N0} bytes ({iterated.Count} keys protected with an iterated S2K of up to " +
                $"{iterated.Max(k => k.S2k.IterationCount):N0} bytes each); an import hashes at most {MaxHashedBytes:N0}. Upload fewer keys at once, " +
                "or export them with a smaller --s2k-count.");

        var argon2 = derived.Where(k => k.S2k.Type == S2k.Argon2).ToList();
        foreach (var key in argon2)
            EnsureArgon2Parameters(key);
        var kibibytes = argon2.Sum(k => (long)k.S2k.Argon2Config.Passes << k.S2k.Argon2Config.MemorySizeExponent);
        if (kibibytes > MaxArgon2Kibibytes)
            throw TooCostly($"Opening the secret keys would run Argon2 over {kibibytes / 1024:N0} MiB in all ({argon2.Count} keys, passes times memory); " +
                $"an import does at most {MaxArgon2Kibibytes / 1024:N0} MiB. Upload fewer keys at once, or protect them with fewer passes.");
    }

    private static void EnsureArgon2Parameters(PgpSecretKey key)
    {
        var config = key.S2k.Argon2Config;
        var keyId = key.KeyId.ToString("X16");
        if (config.MemorySizeExponent > MaxArgon2MemoryExponent)
            throw TooCostly($"The secret key {keyId} is protected with Argon2 over 2^{config.MemorySizeExponent} KiB of memory; " +
                $"an import uses at most 2^{MaxArgon2MemoryExponent} KiB (64 MiB).");
        if (config.Parallelism > MaxArgon2Lanes)
            throw TooCostly($"The secret key {keyId} is protected with Argon2 in {config.Parallelism} lanes; an import takes at most {MaxArgon2Lanes}.");
    }

    private static KeyMaterialRejected TooCostly(string message) => new(KeyMaterialProblem.TooCostly, message);
}
