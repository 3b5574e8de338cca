using Marten;
using SecureMail.Application.Messages;
using SecureMail.Application.Tickets.Attachments;
using SecureMail.Infrastructure.Inbound;

namespace SecureMail.Infrastructure.Attachments;

/// <summary>An encrypted article's content entity is its sealed plaintext; any other article's is found in its raw
/// message under the root signature layer. Nothing is decrypted here: a part of a nested encrypted layer is served as the
/// opaque bytes it is, since decrypting it on request would make the service a decryption oracle.</summary>
public sealed class MimeAttachmentContent(ISealedContentStore sealedContents, IRawMessageStore messages) : IAttachmentContent
{
    public async Task<byte[]?> ReadAsync(IQuerySession session, Guid articleId, string attachmentId, CancellationToken cancellation)
    {
        var plaintext = await sealedContents.OpenAsync(session, articleId, cancellation);
        var raw = plaintext is null ? await messages.LoadAsync(session, articleId, cancellation) : null;
        try
        {
            var entity = plaintext is not null ? ContentEntity.Parse(plaintext) : raw is not null ? ContentEntity.Unencrypted(raw) : null;
            return ContentReader.Find(entity, attachmentId) is { } part ? ContentReader.Content(part) : null;
        }
        catch (Exception)
        {
            // The message was read when it arrived; a part that cannot be read again is not found, never a 500.
            return null;
        }
    }
}
