using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;
using SecureMail.Application.Keystore;

namespace SecureMail.Infrastructure.Keystore.Pgp;

/// <summary>Opens every secret (sub)key of a ring with the passphrase and returns the ring with no S2K
/// protection, so that signing later does not pay key derivation (the vault encrypts it at rest).</summary>
internal static class PgpSecretKeyUnlocker
{
    // Argon2 memory is 2^exponent KiB and chosen by whoever made the key: cap it at 64 MiB.
    private const int MaxArgon2MemoryExponent = 16;

    public static byte[] Unprotect(PgpSecretKeyRing ring, string? passphrase)
    {
        var withMaterial = ring.GetSecretKeys().Where(k => !k.IsPrivateKeyEmpty).ToList();
        if (withMaterial.Count == 0)
            throw new KeyMaterialRejected(KeyMaterialProblem.Unsupported,
                "The secret key holds no secret key material (only stubs, e.g. for a smartcard); upload a key with its secret parts.");

        var random = new SecureRandom();
        var unprotected = ring;
        foreach (var key in withMaterial)
            unprotected = PgpSecretKeyRing.InsertSecretKey(unprotected, Open(key, passphrase, random));
        return unprotected.GetEncoded();
    }

    private static PgpSecretKey Open(PgpSecretKey key, string? passphrase, SecureRandom random)
    {
        var keyId = key.KeyId.ToString("X16");
        var isProtected = key.KeyEncryptionAlgorithm != SymmetricKeyAlgorithmTag.Null;
        if (isProtected && string.IsNullOrEmpty(passphrase))
            throw new KeyMaterialRejected(KeyMaterialProblem.PasswordRequired,
                $"The secret key {keyId} is protected by a passphrase; give the passphrase to import it.");
        if (key.S2k is { Type: S2k.Argon2 } s2k && s2k.Argon2Config.MemorySizeExponent > MaxArgon2MemoryExponent)
            throw new KeyMaterialRejected(KeyMaterialProblem.Unsupported,
                $"The secret key {keyId} is protected with Argon2 parameters that need too much memory.");

        PgpSecretKey opened;
        try
        {
            opened = PgpSecretKey.CopyWithNewPasswordUtf8(
                key, (passphrase ?? "").ToCharArray(), [], SymmetricKeyAlgorithmTag.Null, random);
        }
        catch (PgpException e) when (isProtected && e.Message.Contains("checksum", StringComparison.OrdinalIgnoreCase))
        {
            throw new KeyMaterialRejected(KeyMaterialProblem.WrongPassword,
                $"The passphrase does not open the secret key {keyId}.");
        }
        catch (Exception)
        {
            throw new KeyMaterialRejected(KeyMaterialProblem.Unsupported,
                $"The secret key {keyId} is damaged or protected in a way that is not supported.");
        }

        EnsureReadable(opened, keyId);
        return opened;
    }

    private static void EnsureReadable(PgpSecretKey opened, string keyId)
    {
        try
        {
            if (opened.ExtractPrivateKey(null)?.Key is not null)
                return;
        }
        catch (Exception)
        {
        }

        throw new KeyMaterialRejected(KeyMaterialProblem.Unsupported,
            $"The secret key {keyId} could not be read: it is malformed or uses an unsupported algorithm.");
    }
}
