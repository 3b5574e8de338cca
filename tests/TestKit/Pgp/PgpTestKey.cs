using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;

namespace SecureMail.TestKit.Pgp;

/// <summary>A generated OpenPGP key and its exports. <see cref="SecretKeyRing"/> is protected with <see cref="Passphrase"/>.</summary>
public sealed class PgpTestKey(
    string name, string email, string? passphrase, DateTimeOffset createdAt, DateTimeOffset? expiresAt, bool revoked,
    PgpPublicKeyRing publicKeyRing, PgpSecretKeyRing secretKeyRing)
{
    public string Name { get; } = name;
    public string Email { get; } = email;
    public string UserId => $"{Name} <{Email}>";
    public string? Passphrase { get; } = passphrase;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset? ExpiresAt { get; } = expiresAt;
    public bool Revoked { get; } = revoked;
    public PgpPublicKeyRing PublicKeyRing { get; } = publicKeyRing;
    public PgpSecretKeyRing SecretKeyRing { get; } = secretKeyRing;

    public string Fingerprint => Convert.ToHexString(PublicKeyRing.GetPublicKey().GetFingerprint());
    public string KeyId => PublicKeyRing.GetPublicKey().KeyId.ToString("X16");
    public PgpPublicKey EncryptionSubkey => PublicKeyRing.GetPublicKeys().Single(k => !k.IsMasterKey);
    public string EncryptionSubkeyFingerprint => Convert.ToHexString(EncryptionSubkey.GetFingerprint());

    public byte[] PublicKeyBinary() => PublicKeyRing.GetEncoded();

    public string PublicKeyArmored() => Armor(PublicKeyRing.GetEncoded());

    /// <summary>Armored secret key protected with <see cref="Passphrase"/> (unprotected when that is null).</summary>
    public string SecretKeyArmored() => Armor(SecretKeyRing.GetEncoded());

    /// <summary>Armored secret key re-protected with another passphrase; null exports it unprotected.</summary>
    public string SecretKeyArmored(string? newPassphrase)
    {
        var random = new SecureRandom();
        var rewrapped = SecretKeyRing.GetSecretKeys().ToList().Aggregate(SecretKeyRing, (ring, key) =>
            PgpSecretKeyRing.InsertSecretKey(ring, PgpSecretKey.CopyWithNewPasswordUtf8(key,
                (Passphrase ?? "").ToCharArray(), (newPassphrase ?? "").ToCharArray(),
                newPassphrase is null ? SymmetricKeyAlgorithmTag.Null : SymmetricKeyAlgorithmTag.Aes256, random)));
        return Armor(rewrapped.GetEncoded());
    }

    public PgpPrivateKey PrivateSigningKey() =>
        SecretKeyRing.GetSecretKey().ExtractPrivateKeyUtf8((Passphrase ?? "").ToCharArray());

    public PgpPrivateKey PrivateEncryptionKey() =>
        SecretKeyRing.GetSecretKey(EncryptionSubkey.KeyId).ExtractPrivateKeyUtf8((Passphrase ?? "").ToCharArray());

    private static string Armor(byte[] binary)
    {
        using var buffer = new MemoryStream();
        using (var armored = new ArmoredOutputStream(buffer))
            armored.Write(binary);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }
}
