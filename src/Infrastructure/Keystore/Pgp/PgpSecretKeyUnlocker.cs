using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;
using SecureMail.Application.Keystore;

namespace SecureMail.Infrastructure.Keystore.Pgp;

/// <summary>Opens every secret (sub)key of a ring with the passphrase and returns the ring with no S2K
/// protection, so that signing later does not pay key derivation (the vault encrypts it at rest). What that costs is
/// checked beforehand (<see cref="S2kWork"/>); a cancelled request stops before the next key.</summary>
internal static class PgpSecretKeyUnlocker
{
    public static byte[] Unprotect(PgpSecretKeyRing ring, string? passphrase, CancellationToken cancellation)
    {
        var withMaterial = ring.GetSecretKeys().Where(k => !k.IsPrivateKeyEmpty).ToList();
        if (withMaterial.Count == 0)
            throw new KeyMaterialRejected(KeyMaterialProblem.Unsupported,
                "The secret key holds no secret key material (only stubs, e.g. for a smartcard); upload a key with its secret parts.");

        var random = new SecureRandom();
        var unprotected = ring;
        foreach (var key in withMaterial)
        {
            cancellation.ThrowIfCancellationRequested();
            unprotected = PgpSecretKeyRing.InsertSecretKey(unprotected, Open(key, passphrase, random));
        }
        return unprotected.GetEncoded();
    }

    private static PgpSecretKey Open(PgpSecretKey key, string? passphrase, SecureRandom random)
    {
        var keyId = key.KeyId.ToString("X16");
        var isProtected = key.KeyEncryptionAlgorithm != SymmetricKeyAlgorithmTag.Null;
        if (isProtected && string.IsNullOrEmpty(passphrase))
            throw new KeyMaterialRejected(KeyMaterialProblem.PasswordRequired,
                $"The secret key {keyId} is protected by a passphrase; give the passphrase to import it.");

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
