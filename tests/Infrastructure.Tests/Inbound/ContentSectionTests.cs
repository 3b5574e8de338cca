using System.Text;
using MimeKit;
using SecureMail.Infrastructure.Inbound;
using SecureMail.TestKit.Inbound;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>Attachment ids are IMAP section numbers (RFC 3501 §6.4.5), and the walk that lists them is the walk that finds them.</summary>
public sealed class ContentSectionTests
{
    private static readonly byte[] Nested = RawMail.Lines(RawMail.Headers + "Content-Type: multipart/mixed; boundary=\"a\"", "",
        "--a", "Content-Type: multipart/alternative; boundary=\"b\"", "",
        "--b", "Content-Type: text/plain", "", "Plain body", "--b", "Content-Type: multipart/related; boundary=\"c\"", "",
        "--c", "Content-Type: text/html", "", "<img src=\"cid:pic@x\">", "--c", "Content-Type: image/gif", "Content-ID: <pic@x>",
        "Content-Transfer-Encoding: base64", "", RawMail.Base64([1, 2, 3]), "--c--", "--b--",
        "--a", "Content-Type: text/plain", "", "A second text part is not the body", "--a",
        "Content-Type: message/rfc822", "", "Subject: forwarded", "Content-Type: multipart/mixed; boundary=\"d\"", "",
        "--d", "Content-Type: application/pdf", "", "not opened", "--d--",
        "--a", "Content-Type: application/octet-stream; name=\"x.bin\"", "Content-Disposition: inline", "Content-Transfer-Encoding: base64", "",
        RawMail.Base64([9, 8, 7, 6]), "--a--");

    [Fact]
    public void Parts_are_numbered_by_their_place_and_a_forwarded_message_is_one_part()
    {
        var content = ContentReader.Read(MimeMessage.Load(new MemoryStream(Nested)).Body);

        Assert.Equal("Plain body", content.Body.Trim());
        Assert.Equal("<img src=\"cid:pic@x\">", content.Html!.Trim());
        Assert.Equal(
            [("1.2.2", "image/gif", 3L, "pic@x", true), ("2", "text/plain", 34L, null, false), ("3", "message/rfc822", content.Attachments[2].Size, null, false),
             ("4", "application/octet-stream", 4L, null, true)],
            content.Attachments.Select(a => (a.Id, a.ContentType, a.Size, a.ContentId, a.Inline)));
    }

    [Fact]
    public void Each_listed_id_finds_the_part_it_was_listed_for_and_nothing_else_is_found()
    {
        var root = MimeMessage.Load(new MemoryStream(Nested)).Body;
        var content = ContentReader.Read(root);

        Assert.Equal([1, 2, 3], ContentReader.Content(ContentReader.Find(root, "1.2.2")!));
        Assert.Equal([9, 8, 7, 6], ContentReader.Content(ContentReader.Find(root, "4")!));
        Assert.All(content.Attachments, a => Assert.Equal(a.Size, ContentReader.Content(ContentReader.Find(root, a.Id)!).LongLength));
        Assert.All(new[] { "1", "1.1", "1.2", "1.2.1", "3.1", "5", "", "0" }, id => Assert.Null(ContentReader.Find(root, id)));
    }

    [Fact]
    public void A_single_part_entity_is_part_1()
    {
        var root = MimeMessage.Load(new MemoryStream(RawMail.Lines(RawMail.Headers + "Content-Type: application/pdf", "Content-Transfer-Encoding: base64", "",
            RawMail.Base64(Encoding.ASCII.GetBytes("%PDF"))))).Body;

        Assert.Equal("1", ContentReader.Read(root).Attachments.Single().Id);
        Assert.Equal("%PDF"u8.ToArray(), ContentReader.Content(ContentReader.Find(root, "1")!));
    }

    [Fact]
    public async Task An_unencrypted_mail_has_no_plaintext_to_keep()
    {
        var inspection = new InMemoryInboundKeyring().Inspect(new MimeKitInboundMessageReader(), Nested);

        Assert.Equal(4, inspection.Content.Attachments.Count);
        Assert.Null(inspection.Content.Plaintext);
    }
}
