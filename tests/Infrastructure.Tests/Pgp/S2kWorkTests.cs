using System.Diagnostics;
using System.Text;
using Org.BouncyCastle.Bcpg;
using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

/// <summary>Secret keys whose S2K would hold an import for seconds to minutes are refused before any derivation runs.</summary>
[Collection(GpgKeysCollection.Name)]
public sealed class S2kWorkTests(GpgKeys keys)
{
    // One S2K derivation at gpg's largest count takes most of a second here; a refusal that came after the work would take several.
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(1.5);

    private readonly BouncyCastlePgpKeyMaterialReader _reader = new();

    [Fact]
    public void Gpg_s_largest_s2k_count_on_a_key_with_four_subkeys_is_refused_before_any_key_is_derived()
    {
        var fingerprint = keys.Gpg.GenerateKey("Many Subkeys <many-subkeys@example.net>", "ed25519", "cert");
        foreach (var (algorithm, usage) in new[] { ("ed25519", "sign"), ("cv25519", "encr"), ("ed25519", "auth"), ("cv25519", "encr") })
            keys.Gpg.AddSubkey(fingerprint, algorithm, usage);
        var exported = Encoding.ASCII.GetBytes(keys.Gpg.ExportSecretArmored(fingerprint, Gpg.DefaultPassphrase, "--s2k-count", "65011712"));

        var clock = Stopwatch.StartNew();
        var rejected = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadKeys(exported, Gpg.DefaultPassphrase));

        Assert.True(clock.Elapsed < Quickly, $"Refused after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(KeyMaterialProblem.TooCostly, rejected.Problem);
        Assert.Contains("would hash 325,058,560 bytes (5 keys", rejected.Message);
        Assert.Contains("at most 260,046,848", rejected.Message);
    }

    [Theory]
    [InlineData(3, 4, 20, "over 2^20 KiB of memory")]
    [InlineData(3, 64, 16, "in 64 lanes")]
    [InlineData(200, 4, 16, "run Argon2 over 12,800 MiB")]
    public void Argon2_parameters_beyond_the_caps_are_refused_before_any_key_is_derived(int passes, int lanes, int memoryExponent, string expected)
    {
        var key = PgpTestKeys.Create("Argon Two", "argon2@example.net", passphrase: null);
        var crafted = Argon2Protected(key, passes, lanes, memoryExponent);

        var clock = Stopwatch.StartNew();
        var rejected = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadKeys(crafted, "any passphrase"));

        Assert.True(clock.Elapsed < Quickly, $"Refused after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(KeyMaterialProblem.TooCostly, rejected.Problem);
        Assert.Contains(expected, rejected.Message);
    }

    [Fact]
    public void A_cancelled_request_opens_no_key()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            _reader.ReadKeys(keys.Rsa.Value.SecretArmoredBytes, Gpg.DefaultPassphrase, cancelled.Token));
    }

    /// <summary>A transferable secret key whose primary key packet claims these Argon2 parameters (RFC 9580 §3.7.1.4), with
    /// AEAD protection as RFC 9580 §3.7.2.1 requires for Argon2. Its encrypted part is filler: a refusal before derivation
    /// never reaches it.</summary>
    private static byte[] Argon2Protected(PgpTestKey key, int passes, int lanes, int memoryExponent)
    {
        var publicKey = key.PublicKeyRing.GetPublicKey();
        var s2k = new S2k(new S2k.Argon2Params(new byte[16], passes, lanes, memoryExponent));
        using var output = new MemoryStream();
        using (var packets = new BcpgOutputStream(output))
        {
            new SecretKeyPacket(publicKey.PublicKeyPacket, SymmetricKeyAlgorithmTag.Aes256, AeadAlgorithmTag.Ocb, SecretKeyPacket.UsageAead, s2k,
                new byte[15], new byte[64]).Encode(packets);
            foreach (var userId in publicKey.GetUserIds())
            {
                new UserIdPacket(userId).Encode(packets);
                foreach (var signature in publicKey.GetSignaturesForId(userId))
                    signature.Encode(packets);
            }
        }
        return output.ToArray();
    }
}
