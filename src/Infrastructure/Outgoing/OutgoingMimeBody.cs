using System.Text;
using MimeKit;
using SecureMail.Application.Tickets.Outgoing;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>The headers and the unprotected body: text/plain, or multipart/alternative with html, inside
/// multipart/mixed when there are attachments.</summary>
internal static class OutgoingMimeBody
{
    public static MimeMessage Headers(OutgoingMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = message.Date, MessageId = message.MessageId };
        mime.From.Add(new MailboxAddress(message.FromName ?? "", message.FromAddress));
        mime.To.AddRange(message.To.Select(MailboxAddress.Parse));
        mime.Cc.AddRange(message.Cc.Select(MailboxAddress.Parse));
        if (!string.IsNullOrEmpty(message.InReplyTo))
            mime.InReplyTo = message.InReplyTo;
        foreach (var reference in message.References)
            mime.References.Add(reference);
        return mime;
    }

    public static MimeEntity Build(OutgoingMessage message)
    {
        MimeEntity text = Text("plain", message.Body);
        if (message.Html is not null)
            text = new MultipartAlternative { text, Text("html", message.Html) };

        var body = text;
        if (message.Attachments.Count > 0)
        {
            var mixed = new Multipart("mixed") { text };
            foreach (var attachment in message.Attachments)
                mixed.Add(Attachment(attachment));
            body = mixed;
        }

        CanonicalMime.Prepare(body);
        return body;
    }

    private static TextPart Text(string subtype, string content)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, content);
        return part;
    }

    // Base64 keeps every attachment byte for byte: a text attachment in quoted-printable would have its
    // line ends rewritten to CRLF.
    private static MimePart Attachment(OutgoingAttachment attachment) =>
        new(ContentType.TryParse(attachment.ContentType, out var type) ? type : new ContentType("application", "octet-stream"))
        {
            Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
}
