using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Bcpg.Sig;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace SecureMail.TestKit.Pgp;

/// <summary>Makes OpenPGP v4 test keys: RSA-2048 primary (certify, sign) with an RSA-2048 encryption subkey,
/// user ID "Name &lt;email&gt;". Every call gives a new fingerprint (its own creation time); keys for the same
/// e-mail address reuse their RSA material.</summary>
public static class PgpTestKeys
{
    public const string DefaultPassphrase = "correct horse battery staple";

    private static readonly HashSet<(string Email, long Seconds)> UsedCreationTimes = [];

    /// <param name="passphrase">Protects the secret key; null leaves it unprotected.</param>
    /// <param name="expiresAt">Null: never. In the past: an already expired key (created 30 days before).</param>
    /// <param name="revoked">Adds a key revocation signature.</param>
    /// <param name="encryptionSubkey">Another encryption subkey than RSA-2048 (e.g. <see cref="ElGamal768"/>), made for the key's creation time.</param>
    public static PgpTestKey Create(string name, string email, string? passphrase = DefaultPassphrase,
        DateTimeOffset? expiresAt = null, bool revoked = false, Func<DateTime, PgpKeyPair>? encryptionSubkey = null)
    {
        var created = CreationTime(email, expiresAt);
        var primary = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, RsaKeyMaterial.For(email, "primary"), created.UtcDateTime);
        var encryption = encryptionSubkey?.Invoke(created.UtcDateTime)
            ?? new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, RsaKeyMaterial.For(email, "encryption"), created.UtcDateTime);
        var userId = $"{name} <{email}>";

        var generator = new PgpKeyRingGenerator(PgpSignature.PositiveCertification, primary, userId,
            passphrase is null ? SymmetricKeyAlgorithmTag.Null : SymmetricKeyAlgorithmTag.Aes256, HashAlgorithmTag.Sha256,
            utf8PassPhrase: true, (passphrase ?? "").ToCharArray(), useSha1: true,
            SelfSignature(KeyFlags.CertifyOther | KeyFlags.SignData, created, expiresAt, primaryUserId: true),
            null, new SecureRandom());
        generator.AddSubKey(encryption,
            SelfSignature(KeyFlags.EncryptComms | KeyFlags.EncryptStorage, created, expiresAt, primaryUserId: false),
            null, HashAlgorithmTag.Sha256);

        var publicRing = generator.GeneratePublicKeyRing();
        var secretRing = generator.GenerateSecretKeyRing();
        if (revoked)
        {
            publicRing = PgpKeyRevocation.Revoke(publicRing, secretRing.GetSecretKey().ExtractPrivateKeyUtf8((passphrase ?? "").ToCharArray()));
            secretRing = PgpSecretKeyRing.ReplacePublicKeys(secretRing, publicRing);
        }

        return new PgpTestKey(name, email, passphrase, created, expiresAt, revoked, publicRing, secretRing);
    }

    /// <summary>An ElGamal encryption subkey of 768 bits, as old PGP keys had; gpg makes none below 1024. The group is
    /// RFC 2409's first Oakley group, so no prime has to be searched for.</summary>
    public static PgpKeyPair ElGamal768(DateTime created)
    {
        var prime = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A63A3620FFFFFFFFFFFFFFFF", 16);
        var generator = new ElGamalKeyPairGenerator();
        generator.Init(new ElGamalKeyGenerationParameters(new SecureRandom(), new ElGamalParameters(prime, BigInteger.Two)));
        return new PgpKeyPair(PublicKeyAlgorithmTag.ElGamalEncrypt, generator.GenerateKeyPair(), created);
    }

    /// <summary>A creation time, a minute or more in the past, that no other key with this e-mail's RSA
    /// material has: the fingerprint covers it, so each key gets its own.</summary>
    private static DateTimeOffset CreationTime(string email, DateTimeOffset? expiresAt)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var latest = expiresAt is { } expiry && expiry <= now ? expiry.AddDays(-30) : now;
        var seconds = latest.ToUnixTimeSeconds();
        lock (UsedCreationTimes)
        {
            while (!UsedCreationTimes.Add((email.ToLowerInvariant(), seconds)))
                seconds--;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static PgpSignatureSubpacketVector SelfSignature(int keyFlags, DateTimeOffset created,
        DateTimeOffset? expiresAt, bool primaryUserId)
    {
        var subpackets = new PgpSignatureSubpacketGenerator();
        subpackets.SetSignatureCreationTime(false, created.UtcDateTime);
        subpackets.SetKeyFlags(false, keyFlags);
        if (expiresAt is { } expiry)
            subpackets.SetKeyExpirationTime(false, (long)(expiry - created).TotalSeconds);
        if (primaryUserId)
        {
            subpackets.SetPrimaryUserId(false, true);
            subpackets.SetPreferredSymmetricAlgorithms(false, [(int)SymmetricKeyAlgorithmTag.Aes256, (int)SymmetricKeyAlgorithmTag.Aes128]);
            subpackets.SetPreferredHashAlgorithms(false, [(int)HashAlgorithmTag.Sha256, (int)HashAlgorithmTag.Sha512]);
            subpackets.SetFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
        }

        return subpackets.Generate();
    }
}
