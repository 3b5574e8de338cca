using System.Security.Cryptography;

namespace SecureMail.Infrastructure.Vault;

/// <param name="KeyId">Which vault key sealed it (the first bytes of its hash), so a rotation can find what is left to re-seal.</param>
internal sealed record SealedBytes(string KeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag);

/// <summary>AES-256-GCM under the vault key with a fresh random 96-bit nonce each time. The owner's id is the associated
/// data: sealed bytes copied onto another row do not open.</summary>
internal static class AesGcmSeal
{
    private const int TagSize = 16;

    public static SealedBytes Seal(VaultKey key, Guid owner, byte[] plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, owner.ToByteArray());
        return new SealedBytes(key.Id, nonce, ciphertext, tag);
    }

    /// <exception cref="CryptographicException">Sealed under another vault key, for another owner, or altered.</exception>
    public static byte[] Open(VaultKey key, Guid owner, SealedBytes sealedBytes)
    {
        if (sealedBytes.KeyId != key.Id)
            throw new CryptographicException($"The secret of {owner} was sealed with vault key {sealedBytes.KeyId}, not the configured one.");
        var plaintext = new byte[sealedBytes.Ciphertext.Length];
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Decrypt(sealedBytes.Nonce, sealedBytes.Ciphertext, sealedBytes.Tag, plaintext, owner.ToByteArray());
        return plaintext;
    }
}
