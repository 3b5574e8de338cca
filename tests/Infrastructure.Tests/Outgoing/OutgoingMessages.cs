using System.Text;
using SecureMail.Application.Tickets.Outgoing;

namespace SecureMail.Infrastructure.Tests.Outgoing;

internal static class OutgoingMessages
{
    public const string Body = "Hello Carol,\nyour ticket #4711 is solved. Grüße, Ünïcödé ✓\n-- \nThe helpdesk\n";

    public static readonly OutgoingAttachment Report =
        new("report näme.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a, 0x0d, 0x80, 0x7f]);

    public static readonly OutgoingAttachment Notes = new("notes.txt", "text/plain", Encoding.UTF8.GetBytes("line one\nline two\n"));

    public static OutgoingMessage Simple(string from = "support@example.com", params string[] to) => new(
        MessageId: $"{Guid.NewGuid():N}@example.com",
        FromAddress: from,
        FromName: "Support Desk",
        To: to.Length > 0 ? to : ["carol@example.org"],
        Cc: [],
        Subject: "Ticket #4711: solved ✓",
        Body: Body,
        Html: null,
        Attachments: [],
        InReplyTo: null,
        References: [],
        Date: DateTimeOffset.UtcNow);

    public static OutgoingMessage WithAttachments(string from = "support@example.com", params string[] to) =>
        Simple(from, to) with { Attachments = [Report, Notes] };

    /// <summary>Both attachments arrived with their names, types and exact bytes.</summary>
    public static void AssertAttachments(MimeContent content) =>
        Assert.Equal(
            [Describe(Report), Describe(Notes)],
            content.Attachments.Select(a => (a.FileName, a.ContentType, Convert.ToHexString(a.Content))).ToList());

    private static (string, string, string) Describe(OutgoingAttachment attachment) =>
        (attachment.FileName, attachment.ContentType, Convert.ToHexString(attachment.Content));
}
