using Marten;

namespace SecureMail.Application.Tickets.Attachments;

/// <summary>The bytes of an article's attachment, found in its content entity by the walk that listed it
/// (Infrastructure, over MimeKit): the sealed plaintext of an encrypted article, else its raw message.</summary>
public interface IAttachmentContent
{
    /// <returns>The part's content as sent (transfer encoding undone); null when the article's content holds no such part.</returns>
    Task<byte[]?> ReadAsync(IQuerySession session, Guid articleId, string attachmentId, CancellationToken cancellation);
}
