using System.Collections.Concurrent;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace SecureMail.TestKit.Pgp;

/// <summary>RSA-2048 key pairs, generated once per e-mail address and role: generation dominates test time.
/// Different addresses never share material, so a test cannot pass because two people hold the same key.</summary>
internal static class RsaKeyMaterial
{
    private static readonly ConcurrentDictionary<string, Lazy<AsymmetricCipherKeyPair>> Cache = new();

    public static AsymmetricCipherKeyPair For(string email, string role) =>
        Cache.GetOrAdd($"{email.ToLowerInvariant()}/{role}", _ => new Lazy<AsymmetricCipherKeyPair>(Generate)).Value;

    private static AsymmetricCipherKeyPair Generate()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), new SecureRandom(), 2048, 100));
        return generator.GenerateKeyPair();
    }
}
