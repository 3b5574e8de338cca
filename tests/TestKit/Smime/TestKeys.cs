using System.Collections.Concurrent;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace SecureMail.TestKit.Smime;

public enum TestKeyType
{
    Rsa2048,
    EcP256,
}

/// <summary>Key pairs for test certificates. <see cref="Generate"/> hands out a key nobody else gets;
/// <see cref="Shared"/> hands out cached ones by slot. Certificates on one shared key have the same
/// public-key fingerprint, so use distinct slots (or fresh keys) where a test matches keys to certificates.</summary>
public static class TestKeys
{
    private const int SpareRsaKeys = 4;
    private static readonly ConcurrentDictionary<(TestKeyType, int), Lazy<AsymmetricCipherKeyPair>> Cache = new();
    private static readonly ConcurrentQueue<AsymmetricCipherKeyPair> Spares = new();
    private static int _refilling;

    public static AsymmetricCipherKeyPair Shared(TestKeyType type = TestKeyType.Rsa2048, int slot = 0) =>
        Cache.GetOrAdd((type, slot), _ => new Lazy<AsymmetricCipherKeyPair>(() => Generate(type))).Value;

    public static AsymmetricCipherKeyPair Generate(TestKeyType type = TestKeyType.Rsa2048) => type switch
    {
        TestKeyType.Rsa2048 => NextRsa(),
        TestKeyType.EcP256 => GenerateEcP256(),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    // RSA-2048 generation costs 0.1-0.6 s; a few spares made in the background overlap it with the
    // tests' own waiting (database, HTTP) instead of adding it up.
    private static AsymmetricCipherKeyPair NextRsa()
    {
        var key = Spares.TryDequeue(out var spare) ? spare : GenerateRsa();
        if (Interlocked.Exchange(ref _refilling, 1) == 0)
            Task.Run(Refill);
        return key;
    }

    private static void Refill()
    {
        try
        {
            while (Spares.Count < SpareRsaKeys)
                Spares.Enqueue(GenerateRsa());
        }
        finally
        {
            Volatile.Write(ref _refilling, 0);
        }
    }

    // .NET generates RSA through OpenSSL, many times faster than BouncyCastle's generator.
    private static AsymmetricCipherKeyPair GenerateRsa()
    {
        using var rsa = RSA.Create(2048);
        return DotNetUtilities.GetRsaKeyPair(rsa.ExportParameters(includePrivateParameters: true));
    }

    private static AsymmetricCipherKeyPair GenerateEcP256()
    {
        var generator = new ECKeyPairGenerator("EC");
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, new SecureRandom()));
        return generator.GenerateKeyPair();
    }
}
