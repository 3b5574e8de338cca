using Marten;

namespace SecureMail.Application.Messages;

/// <summary>Raw RFC 5322 messages (sent and received), kept byte for byte outside the event payloads.
/// Writes join the caller's session, so a message and the events about it commit together.</summary>
public interface IRawMessageStore
{
    void Store(IDocumentSession session, Guid articleId, byte[] raw);

    Task<byte[]?> LoadAsync(IQuerySession session, Guid articleId, CancellationToken cancellation);
}
