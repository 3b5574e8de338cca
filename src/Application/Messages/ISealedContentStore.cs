using Marten;

namespace SecureMail.Application.Messages;

/// <summary>The content entity of an encrypted article (the plaintext its attachments are listed from), sealed with the
/// vault key, since its raw message is ciphertext. Writes join the caller's session, so the content and the event that
/// lists its attachments commit together; a second write for the same article replaces the first.</summary>
public interface ISealedContentStore
{
    void Store(IDocumentSession session, Guid articleId, byte[] plaintext);

    Task<byte[]?> OpenAsync(IQuerySession session, Guid articleId, CancellationToken cancellation);
}
