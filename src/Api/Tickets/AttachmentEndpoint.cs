using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Tickets.Attachments;
using Wolverine.Http;

namespace SecureMail.Api.Tickets;

public static class AttachmentEndpoint
{
    [WolverineGet("/api/v1/tickets/{id}/articles/{articleId}/attachments/{attachmentId}"), Authorize(Roles = Roles.Everyone), Tags("Tickets")]
    [EndpointSummary("An attachment of an article as sent (decrypted when the mail was), by the id the article lists; always a download " +
        "(Content-Disposition: attachment, nosniff, CSP sandbox), typed as its part unless a browser would run it (then application/octet-stream)")]
    [ProducesResponseType<Stream>(200, SafeDownload.OctetStream), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, Guid articleId, string attachmentId, HttpContext context, IQuerySession session,
        IAttachmentContent contents, CancellationToken cancellation)
    {
        var outcome = await AttachmentDownloads.Find(session, contents, id, articleId, attachmentId, cancellation);
        return outcome.Reply(download =>
            SafeDownload.File(context, download.Content, download.Attachment.FileName, download.Attachment.ContentType));
    }
}
