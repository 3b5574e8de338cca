using Marten;
using SecureMail.Application.Keystore;

namespace SecureMail.Infrastructure.Vault;

public sealed class AesGcmKeyVault(VaultKey key) : IKeyVault
{
    public void Seal(IDocumentSession session, Guid entryId, byte[] secret)
    {
        var sealedSecret = AesGcmSeal.Seal(key, entryId, secret);
        session.Store(new VaultSecret(entryId, sealedSecret.KeyId, sealedSecret.Nonce, sealedSecret.Ciphertext, sealedSecret.Tag));
    }

    public void Destroy(IDocumentSession session, Guid entryId) => session.Delete<VaultSecret>(entryId);

    public async Task<byte[]?> OpenAsync(IQuerySession session, Guid entryId, CancellationToken cancellation) =>
        await session.LoadAsync<VaultSecret>(entryId, cancellation) is { } stored
            ? AesGcmSeal.Open(key, entryId, new SealedBytes(stored.KeyId, stored.Nonce, stored.Ciphertext, stored.Tag))
            : null;
}
