using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Tickets;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Tickets.AttachmentMail;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Attachments of incoming mail, listed with ids and downloaded byte for byte: decrypted from the sealed copy
/// when the mail was encrypted, from under the signature when it was signed.</summary>
[Collection(RunningService.Name)]
public class AttachmentTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task A_signed_and_encrypted_mail_lists_its_pdf_and_inline_image_and_both_download_byte_identical()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var pdf = Random(40_000, "%PDF-MARKER-" + Guid.NewGuid().ToString("N"));
        var png = Random(3_000);
        var entity = Multipart("mixed",
            Multipart("related", Html("<p>Our logo: <img src=\"cid:logo@example.org\"></p>"), InlineImage("logo.png", "logo@example.org", png)),
            Attachment("report.pdf", "application/pdf", pdf));
        using var openssl = new OpenSslWorkspace();

        var (ticketId, articleId) = await helpdesk.Ingest(SignedAndEncrypted(openssl, alice, group, helpdesk.Mailbox("alice"), helpdesk.Address, entity));

        var article = await helpdesk.Processed(ticketId, articleId);
        Assert.Equal(("decrypted", "valid"), ((string)article["security"]!["encryption"]!["status"]!, (string)article["security"]!["signature"]!["status"]!));
        Assert.Contains("<img src=\"cid:logo@example.org\">", (string)article["html"]!);
        Assert.Equal(
            [
                """{"fileName":"logo.png","contentType":"image/png","size":3000,"id":"1.2","contentId":"logo@example.org","inline":true}""",
                """{"fileName":"report.pdf","contentType":"application/pdf","size":40000,"id":"2","contentId":null,"inline":false}""",
            ],
            article["attachments"]!.AsArray().Select(a => a!.ToJsonString()));

        var image = await Download(helpdesk.Agent, ticketId, articleId, "1.2");
        var report = await Download(helpdesk.Agent, ticketId, articleId, "2");

        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal(pdf, await report.Content.ReadAsByteArrayAsync());
        AssertSafeHeaders(image, "image/png", "attachment; filename=logo.png; filename*=UTF-8''logo.png");
        AssertSafeHeaders(report, "application/pdf", "attachment; filename=report.pdf; filename*=UTF-8''report.pdf");
    }

    [Fact]
    public async Task The_decrypted_content_rests_sealed_and_neither_it_nor_the_raw_message_holds_the_attachment_in_plaintext()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var marker = "SEALED-MARKER-" + Guid.NewGuid().ToString("N");
        var pdf = Random(20_000, marker);
        using var openssl = new OpenSslWorkspace();
        var (ticketId, articleId) = await helpdesk.Ingest(SignedAndEncrypted(openssl, alice, group, helpdesk.Mailbox("alice"), helpdesk.Address,
            Multipart("mixed", Text("See the attachment."), Attachment("secret.pdf", "application/pdf", pdf))));
        await helpdesk.Processed(ticketId, articleId);

        var sealedContent = await Stored("sealed_contents", articleId);
        var raw = await Stored("raw_messages", articleId);

        Assert.True(sealedContent.Length > pdf.Length, "The decrypted content entity was not stored.");
        Assert.Equal(pdf, await (await Download(helpdesk.Agent, ticketId, articleId, "2")).Content.ReadAsByteArrayAsync());
        foreach (var stored in new[] { sealedContent, raw })
        {
            // As bytes, and base64 as the MIME entity carries it (line breaks removed, every alignment of the marker).
            var text = Encoding.Latin1.GetString(stored).Replace("\r\n", "");
            Assert.DoesNotContain(marker, text);
            Assert.DoesNotContain(Base64Around(pdf, marker), text);
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("signed")]
    [InlineData("opaque signed")]
    public async Task An_unencrypted_mail_serves_its_attachment_from_the_raw_message_under_the_signature(string kind)
    {
        await helpdesk.Configure();
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var data = Random(10_000);
        var entity = Multipart("mixed", Text("Data attached."), Attachment("data.bin", "application/octet-stream", data));
        using var openssl = new OpenSslWorkspace();
        var raw = kind == "plain"
            ? Plain(helpdesk.Mailbox("alice"), helpdesk.Address, entity)
            : Signed(openssl, alice, helpdesk.Mailbox("alice"), helpdesk.Address, entity, opaque: kind == "opaque signed");

        var (ticketId, articleId) = await helpdesk.Ingest(raw);

        var article = await helpdesk.Processed(ticketId, articleId);
        Assert.Equal(kind == "plain" ? "none" : "valid", (string)article["security"]!["signature"]!["status"]!);
        Assert.Equal("2", (string)article["attachments"]!.AsArray().Single()!["id"]!);
        var download = await Download(helpdesk.Agent, ticketId, articleId, "2");
        Assert.Equal(data, await download.Content.ReadAsByteArrayAsync());
        AssertSafeHeaders(download, "application/octet-stream", "attachment; filename=data.bin; filename*=UTF-8''data.bin");
        Assert.Equal(0L, await Database.Scalar<long>($"select count(*) from {ServiceFixture.Schema}.sealed_contents where id = '{articleId}'"));
    }

    [Fact]
    public async Task Mail_for_a_key_not_yet_imported_lists_nothing_until_a_retry_decrypts_it_and_a_later_retry_reseals_it()
    {
        await helpdesk.Configure();
        var group = TestCertificates.SelfSigned(CertificateOptions.For(helpdesk.Address) with { Key = TestKeys.Generate() });
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var data = Random(5_000);
        using var openssl = new OpenSslWorkspace();
        var (ticketId, articleId) = await helpdesk.Ingest(SignedAndEncrypted(openssl, alice, group, helpdesk.Mailbox("alice"), helpdesk.Address,
            Multipart("mixed", Text("Later."), Attachment("late.bin", "application/octet-stream", data))));

        var failed = await helpdesk.Processed(ticketId, articleId);
        Assert.Empty(failed["attachments"]!.AsArray());
        // The ciphertext is one part of the raw message, but no id was listed for it.
        var refused = await helpdesk.Agent.GetAsync(Url(ticketId, articleId, "1"));
        Assert.Equal($"Article {articleId} has no attachment 1.", await refused.Problem(HttpStatusCode.NotFound));

        await (await helpdesk.Admin.PostFile(HttpExtensions.PrivateKeys, group.ToPkcs12("pw"), "password", "pw")).Json(HttpStatusCode.Created);
        await (await helpdesk.Agent.PostAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/retry-security", null)).Json(HttpStatusCode.OK);
        var retried = await helpdesk.Processed(ticketId, articleId);

        Assert.Equal("2", (string)retried["attachments"]!.AsArray().Single()!["id"]!);
        Assert.Equal(data, await (await Download(helpdesk.Agent, ticketId, articleId, "2")).Content.ReadAsByteArrayAsync());

        var before = await Stored("sealed_contents", articleId);
        await (await helpdesk.Agent.PostAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/retry-security", null)).Json(HttpStatusCode.OK);

        Assert.NotEqual(before, await Stored("sealed_contents", articleId));
        Assert.Equal(data, await (await Download(helpdesk.Agent, ticketId, articleId, "2")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_missing_ticket_article_or_attachment_is_a_404_that_names_it()
    {
        await helpdesk.Configure();
        var (ticketId, articleId) = await helpdesk.Ingest(Plain(helpdesk.Mailbox("alice"), helpdesk.Address,
            Multipart("mixed", Text("One attachment."), Attachment("one.bin", "application/octet-stream", Random(100)))));
        await helpdesk.Processed(ticketId, articleId);
        var (noTicket, noArticle) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal($"There is no ticket {noTicket}.", await (await helpdesk.Agent.GetAsync(Url(noTicket, articleId, "2"))).Problem(HttpStatusCode.NotFound));
        Assert.Equal($"There is no article {noArticle} on ticket {ticketId}.",
            await (await helpdesk.Agent.GetAsync(Url(ticketId, noArticle, "2"))).Problem(HttpStatusCode.NotFound));
        foreach (var id in new[] { "3", "1", "2.1", "..%2F1" })
            Assert.StartsWith($"Article {articleId} has no attachment ", await (await helpdesk.Agent.GetAsync(Url(ticketId, articleId, id))).Problem(HttpStatusCode.NotFound));
        await Download(helpdesk.Agent, ticketId, articleId, "2");
    }

    [Fact]
    public async Task Agents_auditors_and_admins_may_download_and_the_mailer_may_not()
    {
        await helpdesk.Configure();
        var data = Random(1_000);
        var (ticketId, articleId) = await helpdesk.Ingest(Plain(helpdesk.Mailbox("alice"), helpdesk.Address,
            Multipart("mixed", Text("For readers."), Attachment("readers.bin", "application/octet-stream", data))));
        await helpdesk.Processed(ticketId, articleId);

        foreach (var role in new[] { "agent", "auditor", "admin" })
            Assert.Equal(data, await (await Download(service.Client(role), ticketId, articleId, "2")).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await helpdesk.Mailer.GetAsync(Url(ticketId, articleId, "2"))).StatusCode);
    }

    [Fact]
    public void An_event_stored_before_attachments_had_ids_still_reads()
    {
        var serializer = service.Host.Services.GetRequiredService<IDocumentStore>().Options.Serializer();
        var stored = """
            {"ticketId":"0192d7a0-0000-7000-8000-000000000001","articleId":"0192d7a0-0000-7000-8000-000000000002","body":"Hi","html":null,
             "attachments":[{"fileName":"old.pdf","contentType":"application/pdf","size":3}],"extractedAt":"2026-11-28T10:00:00+00:00"}
            """;

        var extracted = serializer.FromJson<ArticleContentExtracted>(new MemoryStream(Encoding.UTF8.GetBytes(stored)));

        Assert.Equal(new AttachmentInfo("old.pdf", "application/pdf", 3, Id: "", ContentId: null, Inline: false), extracted.Attachments.Single());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_download_and_its_404()
    {
        var document = JsonNode.Parse(await service.Client(null).GetStringAsync("/openapi/v1.json"))!;

        var operation = document["paths"]!["/api/v1/tickets/{id}/articles/{articleId}/attachments/{attachmentId}"]!["get"]!;
        Assert.NotNull(operation["responses"]!["200"]!["content"]!["application/octet-stream"]);
        Assert.NotNull(operation["responses"]!["404"]!["content"]!["application/problem+json"]);
        Assert.Equal("Requires a signed-in user or bearer token with role: admin or agent or auditor.", (string)operation["description"]!);
    }

    public static string Url(Guid ticketId, Guid articleId, string attachmentId) =>
        $"/api/v1/tickets/{ticketId}/articles/{articleId}/attachments/{attachmentId}";

    public static async Task<HttpResponseMessage> Download(HttpClient client, Guid ticketId, Guid articleId, string attachmentId)
    {
        var response = await client.GetAsync(Url(ticketId, articleId, attachmentId));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public static void AssertSafeHeaders(HttpResponseMessage response, string contentType, string disposition)
    {
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(disposition, string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("sandbox", string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    private static async Task<byte[]> Stored(string table, Guid articleId) =>
        await Database.Scalar<byte[]>($"select content from {ServiceFixture.Schema}.{table} where id = '{articleId}'");

    /// <summary>The base64 characters that encode <paramref name="marker"/> inside the base64 of the whole file.</summary>
    private static string Base64Around(byte[] file, string marker)
    {
        var offset = Encoding.Latin1.GetString(file).IndexOf(marker, StringComparison.Ordinal);
        var first = (offset + 2) / 3;
        var last = (offset + marker.Length) / 3;
        return Convert.ToBase64String(file)[(first * 4)..(last * 4)];
    }
}
