using System.Net;
using SecureMail.Api.Tests.Support;
using static SecureMail.Api.Tests.Tickets.AttachmentTests;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Attachments of composed articles: listed with the ids the composer read back from the body it built, and
/// downloaded byte for byte, from the sealed body when the article was encrypted.</summary>
[Collection(RunningService.Name)]
public class OutgoingAttachmentTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Theory]
    [InlineData("none")]
    [InlineData("SMIME sign")]
    [InlineData("SMIME sign and encrypt")]
    [InlineData("PGP sign")]
    [InlineData("PGP encrypt")]
    public async Task A_composed_attachment_downloads_byte_identical(string security)
    {
        await helpdesk.Configure();
        var customer = helpdesk.Mailbox("alice");
        if (security.StartsWith("SMIME"))
        {
            await helpdesk.Certificate(helpdesk.Address, privateKey: true);
            await helpdesk.Certificate(customer);
        }
        if (security.StartsWith("PGP"))
        {
            await helpdesk.PgpKey(helpdesk.Address, secret: true);
            await helpdesk.PgpKey(customer);
        }
        var encrypt = security.EndsWith("encrypt");
        var options = security == "none" ? null : new { type = security.Split(' ')[0], sign = security.Contains("sign"), encrypt };
        var contract = AttachmentMail.Random(8_000);

        var (ticketId, articleId, _) = await helpdesk.Composed(await helpdesk.Compose([customer], options,
            attachments: [new { fileName = "contract.pdf", contentType = "application/pdf", base64 = Convert.ToBase64String(contract) }]));

        var article = await helpdesk.Article(ticketId, articleId);
        Assert.Equal("""{"fileName":"contract.pdf","contentType":"application/pdf","size":8000,"id":"2","contentId":null,"inline":false}""",
            article["attachments"]!.AsArray().Single()!.ToJsonString());
        var download = await Download(helpdesk.Agent, ticketId, articleId, "2");
        Assert.Equal(contract, await download.Content.ReadAsByteArrayAsync());
        AssertSafeHeaders(download, "application/pdf", "attachment; filename=contract.pdf; filename*=UTF-8''contract.pdf");
        Assert.Equal(encrypt ? 1L : 0L, await Database.Scalar<long>($"select count(*) from {ServiceFixture.Schema}.sealed_contents where id = '{articleId}'"));
    }

    [Fact]
    public async Task Hostile_file_names_and_active_types_reach_the_headers_only_made_safe()
    {
        await helpdesk.Configure();
        var customer = helpdesk.Mailbox("alice");
        var files = new (string Name, string Type)[]
        {
            ("../../etc/passwd", "text/plain"),
            ("a\r\nX-Injected: 1\u202Efdp.exe", "application/octet-stream"),
            ("Grüße.html", "text/html"),
            ("logo.svg", "image/svg+xml"),
        };

        var (ticketId, articleId, _) = await helpdesk.Composed(await helpdesk.Compose([customer], null,
            attachments: files.Select(f => (object)new { fileName = f.Name, contentType = f.Type, base64 = Convert.ToBase64String(AttachmentMail.Random(64)) }).ToArray()));

        var listed = (await helpdesk.Article(ticketId, articleId))["attachments"]!.AsArray();
        Assert.Equal(files.Select(f => f.Name), listed.Select(a => (string)a!["fileName"]!));
        var expected = new[]
        {
            ("text/plain", "attachment; filename=.._.._etc_passwd; filename*=UTF-8''.._.._etc_passwd"),
            ("application/octet-stream", "attachment; filename=\"a__X-Injected: 1_fdp.exe\"; filename*=UTF-8''a__X-Injected%3A%201_fdp.exe"),
            ("application/octet-stream", "attachment; filename=Gr__e.html; filename*=UTF-8''Gr%C3%BC%C3%9Fe.html"),
            ("application/octet-stream", "attachment; filename=logo.svg; filename*=UTF-8''logo.svg"),
        };
        foreach (var (attachment, (contentType, disposition)) in listed.Zip(expected))
        {
            var download = await Download(helpdesk.Agent, ticketId, articleId, (string)attachment!["id"]!);
            AssertSafeHeaders(download, contentType, disposition);
            Assert.False(download.Headers.Contains("X-Injected"));
        }
    }
}
