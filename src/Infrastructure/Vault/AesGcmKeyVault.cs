using System.Collections.Concurrent;
using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Database;

namespace SecureMail.Infrastructure.Vault;

/// <summary>Secrets sealed with AES-256-GCM under the vault key, one row per keystore entry.</summary>
/// <remarks>The sealed rows are also held in memory once read, still sealed (ADR 53): a compose that signs and a message
/// that is decrypted open the key without a round trip. Memory never decides whether a key is held: every caller opens
/// the secret of an entry it has just read, from the database, with its private key held, so a key removed on any node is
/// not asked for again. A seal or a removal on this node drops the held row at once and again after its commit, so a read
/// that raced it cannot keep the old one.</remarks>
public sealed class AesGcmKeyVault(VaultKey key) : IKeyVault
{
    private readonly ConcurrentDictionary<Guid, VaultSecret> held = new();

    public void Seal(IDocumentSession session, Guid entryId, byte[] secret)
    {
        var sealedSecret = AesGcmSeal.Seal(key, entryId, secret);
        session.Store(new VaultSecret(entryId, sealedSecret.KeyId, sealedSecret.Nonce, sealedSecret.Ciphertext, sealedSecret.Tag));
        Forget(session, entryId);
    }

    public void Destroy(IDocumentSession session, Guid entryId)
    {
        session.Delete<VaultSecret>(entryId);
        Forget(session, entryId);
    }

    public async Task<byte[]?> OpenAsync(IQuerySession session, Guid entryId, CancellationToken cancellation)
    {
        if (!held.TryGetValue(entryId, out var stored))
        {
            if (await session.LoadAsync<VaultSecret>(entryId, cancellation) is not { } read)
                return null;
            stored = held[entryId] = read;
        }
        return AesGcmSeal.Open(key, entryId, new SealedBytes(stored.KeyId, stored.Nonce, stored.Ciphertext, stored.Tag));
    }

    private void Forget(IDocumentSession session, Guid entryId)
    {
        held.TryRemove(entryId, out _);
        AfterCommit.Run(session, () => held.TryRemove(entryId, out _));
    }
}
