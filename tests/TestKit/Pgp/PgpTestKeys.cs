using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Bcpg.Sig;
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
    public static PgpTestKey Create(string name, string email, string? passphrase = DefaultPassphrase,
        DateTimeOffset? expiresAt = null, bool revoked = false)
    {
        var created = CreationTime(email, expiresAt);
        var primary = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, RsaKeyMaterial.For(email, "primary"), created.UtcDateTime);
        var encryption = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, RsaKeyMaterial.For(email, "encryption"), created.UtcDateTime);
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
