using Marten;
using SecureMail.Application.Common;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Common;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Attachments;

public sealed record AttachmentDownload(AttachmentInfo Attachment, byte[] Content);

public static class AttachmentDownloads
{
    /// <summary>Only an attachment the article lists is served: an id that was never listed (the ciphertext of mail we
    /// could not decrypt, a part of a nested encrypted layer) is not found, whatever the raw message holds.</summary>
    public static async Task<Decision<AttachmentDownload>> Find(IQuerySession session, IAttachmentContent contents, Guid ticketId, Guid articleId,
        string attachmentId, CancellationToken cancellation)
    {
        if (await session.LoadAsync<TicketDetails>(ticketId, cancellation) is not { } ticket)
            return NotFound($"There is no ticket {ticketId}.");
        if (ticket.Article(articleId) is not { } article)
            return NotFound($"There is no article {articleId} on ticket {ticketId}.");
        if (article.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment)
            return NotFound($"Article {articleId} has no attachment {attachmentId}.");
        return await contents.ReadAsync(session, articleId, attachmentId, cancellation) is { } content
            ? Decision<AttachmentDownload>.Accept(new AttachmentDownload(attachment, content))
            : NotFound($"The content of attachment {attachmentId} of article {articleId} is not stored.");
    }

    private static Decision<AttachmentDownload> NotFound(string message) => Decision<AttachmentDownload>.Reject(new(RejectionKind.NotFound, message));
}
