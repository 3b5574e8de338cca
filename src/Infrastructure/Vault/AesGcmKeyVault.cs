using System.Security.Cryptography;
using Marten;
using SecureMail.Application.Keystore;

namespace SecureMail.Infrastructure.Vault;

public sealed class AesGcmKeyVault(VaultKey key) : IKeyVault
{
    private const int TagSize = 16;

    public void Seal(IDocumentSession session, Guid entryId, byte[] secret)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[secret.Length];
        var tag = new byte[TagSize];
        using var aes = new AesGcm(key.Bytes, TagSize);
        // The entry id as associated data: a sealed key copied onto another entry's row does not open.
        aes.Encrypt(nonce, secret, ciphertext, tag, entryId.ToByteArray());
        session.Store(new VaultSecret(entryId, key.Id, nonce, ciphertext, tag));
    }

    public void Destroy(IDocumentSession session, Guid entryId) => session.Delete<VaultSecret>(entryId);

    public async Task<byte[]?> OpenAsync(IQuerySession session, Guid entryId, CancellationToken cancellation)
    {
        var sealedSecret = await session.LoadAsync<VaultSecret>(entryId, cancellation);
        if (sealedSecret is null)
            return null;
        if (sealedSecret.KeyId != key.Id)
            throw new CryptographicException($"The secret of entry {entryId} was sealed with vault key {sealedSecret.KeyId}, not the configured one.");
        var plaintext = new byte[sealedSecret.Ciphertext.Length];
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Decrypt(sealedSecret.Nonce, sealedSecret.Ciphertext, sealedSecret.Tag, plaintext, entryId.ToByteArray());
        return plaintext;
    }
}
