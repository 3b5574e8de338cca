using System.Net;
using System.Text;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Incoming mail made by openssl, posted by the mailer, decrypted and verified with an honest status.</summary>
[Collection(RunningService.Name)]
public class InboundTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);
    private readonly HttpClient mailer = service.Client("mailer");

    [Theory]
    [InlineData("-aes256", "AES-256-CBC")]
    [InlineData("-aes-256-gcm", "AES-256-GCM")]
    public async Task An_openssl_signed_and_encrypted_mail_is_decrypted_and_verified_with_its_signer(string option, string cipher)
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        using var openssl = new OpenSslWorkspace();

        var (ticketId, articleId) = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, helpdesk.Mailbox("alice"), helpdesk.Address, alice, group,
            "The secret is 42.\n", cipher: option));

        var article = await helpdesk.Processed(ticketId, articleId);
        Assert.Equal("incoming", (string)article["direction"]!);
        Assert.Equal("decrypted", (string)article["security"]!["encryption"]!["status"]!);
        Assert.Contains($"({cipher})", (string)article["security"]!["encryption"]!["message"]!);
        Assert.Equal("valid", (string)article["security"]!["signature"]!["status"]!);
        Assert.Equal(alice.Fingerprint, (string)article["security"]!["signature"]!["signer"]!["fingerprint"]!);
        Assert.Contains("The secret is 42.", (string)article["body"]!);
        var ticket = await helpdesk.Ticket(ticketId);
        Assert.Equal(helpdesk.Name, (string)ticket["group"]!);
        Assert.Equal(helpdesk.Mailbox("alice"), (string)ticket["customer"]!);
    }

    [Fact]
    public async Task A_signature_without_its_certificate_is_checked_against_the_imported_one()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var stranger = TestCertificates.SelfSigned(CertificateOptions.For(helpdesk.Mailbox("bob")) with { Key = TestKeys.Generate() });
        using var openssl = new OpenSslWorkspace();

        var known = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, helpdesk.Mailbox("alice"), helpdesk.Address, alice, group, "Known.\n", withoutCertificate: true));
        var unknown = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, helpdesk.Mailbox("bob"), helpdesk.Address, stranger, group, "Unknown.\n", withoutCertificate: true));

        Assert.Equal("valid", (string)(await helpdesk.Processed(known.TicketId, known.ArticleId))["security"]!["signature"]!["status"]!);
        var failed = (await helpdesk.Processed(unknown.TicketId, unknown.ArticleId))["security"]!["signature"]!;
        Assert.Equal("invalid", (string)failed["status"]!);
        Assert.Equal("Unable to find certificate for validation", (string)failed["message"]!);
    }

    [Fact]
    public async Task Mail_for_a_key_not_yet_imported_fails_then_decrypts_after_import_and_retry()
    {
        await helpdesk.Configure();
        var group = TestCertificates.SelfSigned(CertificateOptions.For(helpdesk.Address) with { Key = TestKeys.Generate() });
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        using var openssl = new OpenSslWorkspace();
        var (ticketId, articleId) = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, helpdesk.Mailbox("alice"), helpdesk.Address, alice, group, "Late key.\n"));

        var failed = await helpdesk.Processed(ticketId, articleId);
        Assert.Equal("failed", (string)failed["security"]!["encryption"]!["status"]!);
        Assert.Equal("Unable to find private key to decrypt", (string)failed["security"]!["encryption"]!["message"]!);
        Assert.Equal("", (string)failed["body"]!);

        await (await helpdesk.Admin.PostFile(PrivateKeys, group.ToPkcs12("pw"), "password", "pw")).Json(HttpStatusCode.Created);
        await (await helpdesk.Agent.PostAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/retry-security", null)).Json(HttpStatusCode.OK);

        var retried = await helpdesk.Processed(ticketId, articleId);
        Assert.Equal("decrypted", (string)retried["security"]!["encryption"]!["status"]!);
        Assert.Equal("valid", (string)retried["security"]!["signature"]!["status"]!);
        Assert.Contains("Late key.", (string)retried["body"]!);
    }

    [Fact]
    public async Task The_bulk_retry_picks_up_articles_waiting_for_a_key()
    {
        await helpdesk.Configure();
        var group = TestCertificates.SelfSigned(CertificateOptions.For(helpdesk.Address) with { Key = TestKeys.Generate() });
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        using var openssl = new OpenSslWorkspace();
        var (ticketId, articleId) = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, helpdesk.Mailbox("alice"), helpdesk.Address, alice, group, "Bulk.\n"));
        await helpdesk.Processed(ticketId, articleId);
        await (await helpdesk.Admin.PostFile(PrivateKeys, group.ToPkcs12("pw"), "password", "pw")).Json(HttpStatusCode.Created);

        var answer = await (await helpdesk.Admin.PostAsync("/api/v1/inbound/retry-failed", null)).Json(HttpStatusCode.Accepted);

        Assert.True((int)answer["articles"]! >= 1);
        var article = await helpdesk.Processed(ticketId, articleId, a => (string?)a["security"]?["encryption"]?["status"] == "decrypted");
        Assert.Contains("Bulk.", (string)article["body"]!);
    }

    [Fact]
    public async Task A_signer_who_is_not_the_sender_is_invalid_and_named()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var mallory = await helpdesk.Certificate(helpdesk.Mailbox("mallory"));
        using var openssl = new OpenSslWorkspace();

        var (ticketId, articleId) = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, helpdesk.Mailbox("ceo"), helpdesk.Address, mallory, group, "Pay the invoice.\n"));

        var article = await helpdesk.Processed(ticketId, articleId);
        Assert.Equal("invalid", (string)article["security"]!["signature"]!["status"]!);
        Assert.Equal("This message was not signed by its sender.", (string)article["security"]!["signature"]!["message"]!);
        Assert.Equal(helpdesk.Mailbox("mallory"), (string)article["security"]!["signature"]!["signer"]!["email"]!);
    }

    [Fact]
    public async Task A_reply_to_an_article_we_sent_joins_its_ticket()
    {
        await helpdesk.Configure();
        var alice = helpdesk.Mailbox("alice");
        var (ticketId, _, messageId) = await helpdesk.Composed(await helpdesk.Compose([alice], null));
        var reply = $"From: {alice}\r\nTo: {helpdesk.Address}\r\nSubject: Re: Your request\r\nMessage-ID: <{Guid.NewGuid():N}@example.org>\r\nIn-Reply-To: <{messageId}>\r\n\r\nThanks!\r\n";

        var (joined, articleId) = await helpdesk.Ingest(Encoding.ASCII.GetBytes(reply));

        Assert.Equal(ticketId, joined);
        var article = await helpdesk.Processed(joined, articleId);
        Assert.Equal("none", (string)article["security"]!["encryption"]!["status"]!);
        Assert.Equal("none", (string)article["security"]!["signature"]!["status"]!);
        Assert.Contains("Thanks!", (string)article["body"]!);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("garbage cms")]
    [InlineData("no headers")]
    public async Task Hostile_mail_is_stored_with_a_status_never_a_500(string kind)
    {
        var raw = kind switch
        {
            "garbage" => Enumerable.Range(0, 5000).Select(i => (byte)(i * 37 % 251)).ToArray(),
            "garbage cms" => Encoding.ASCII.GetBytes($"From: a@example.com\r\nTo: {helpdesk.Address}\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data\r\nContent-Transfer-Encoding: base64\r\n\r\nTUlJQ0FBQUFBQUFBQUFB\r\n"),
            _ => Encoding.ASCII.GetBytes("just a line of text without any header\r\n"),
        };

        var (ticketId, articleId) = await helpdesk.Ingest(raw);

        var article = await helpdesk.Processed(ticketId, articleId);
        Assert.NotNull(article["security"]);
        var raw2 = await helpdesk.Agent.GetByteArrayAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/raw");
        Assert.Equal(raw, raw2);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_and_nothing_is_stored()
    {
        var before = (long)(await (await helpdesk.Agent.GetAsync("/api/v1/tickets")).Json(HttpStatusCode.OK))["total"]!;

        var detail = await (await mailer.PostBytes("/api/v1/inbound", new byte[2 * 1024 * 1024 + 1], "message/rfc822")).Problem(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("limit", detail);
        Assert.Equal(before, (long)(await (await helpdesk.Agent.GetAsync("/api/v1/tickets")).Json(HttpStatusCode.OK))["total"]!);
    }
}
