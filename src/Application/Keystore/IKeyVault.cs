using Marten;

namespace SecureMail.Application.Keystore;

/// <summary>Private key material, encrypted at rest, outside the event store. Writes join the caller's
/// session so that a key and the event recording its import commit together or not at all.</summary>
public interface IKeyVault
{
    void Seal(IDocumentSession session, Guid entryId, byte[] secret);

    void Destroy(IDocumentSession session, Guid entryId);

    /// <summary>Open the entry's secret only when a keystore read made for this use found its private key held: the vault
    /// may answer from memory a secret another node has since destroyed (ADR 53).</summary>
    Task<byte[]?> OpenAsync(IQuerySession session, Guid entryId, CancellationToken cancellation);
}
