using Marten;

namespace SecureMail.Application.Keystore;

/// <summary>Private key material, encrypted at rest, outside the event store. Writes join the caller's
/// session so that a key and the event recording its import commit together or not at all.</summary>
public interface IKeyVault
{
    void Seal(IDocumentSession session, Guid entryId, byte[] secret);

    void Destroy(IDocumentSession session, Guid entryId);

    Task<byte[]?> OpenAsync(IQuerySession session, Guid entryId, CancellationToken cancellation);
}
