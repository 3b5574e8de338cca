using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Application.Inbound;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using Xunit.Abstractions;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>One inbound message buys a bounded amount of work: hostile shapes get a status within seconds, and an article
/// whose processing never finishes is recorded as not checked after three attempts instead of being rerun for ever.</summary>
[Collection(RunningService.Name)]
public class InboundBudgetTests(ServiceFixture service, ITestOutputHelper output)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task Fifty_thousand_anonymous_session_keys_get_a_status_within_seconds()
    {
        await helpdesk.Configure();
        await helpdesk.PgpKey(helpdesk.Address, secret: true);
        var packets = HostilePgp.AnonymousSessionKeys(50_000, valueBytes: 1).Concat(HostilePgp.IntegrityProtectedData(64)).ToArray();
        var raw = Mail("multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"enc\"",
            "--enc\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n"
            + $"--enc\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n{Base64(packets)}\r\n--enc--\r\n");

        var (article, elapsed) = await Timed(raw);

        output.WriteLine($"{raw.Length / 1024} KB, 50,000 key-ID-0 session keys: status after {elapsed.TotalMilliseconds:0} ms");
        var encryption = article["security"]!["encryption"]!;
        Assert.Equal(("PGP", "failed", "too-complex"), ((string?)article["security"]!["type"], (string?)encryption["status"], (string?)encryption["code"]));
        Assert.Equal("The message holds more than 100 session keys; it was not decrypted.", (string?)encryption["message"]);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"It took {elapsed}.");
    }

    [Theory]
    [InlineData("parts", "The message holds more than 1000 MIME parts; its content was not read.")]
    [InlineData("levels", "The message nests MIME parts more than 32 levels deep; its content was not read.")]
    public async Task A_hundred_thousand_parts_or_ten_thousand_levels_get_a_status_within_seconds(string shape, string note)
    {
        await helpdesk.Configure();
        var raw = shape == "parts"
            ? Mail("multipart/mixed; boundary=\"b\"", string.Concat(Enumerable.Repeat("--b\r\n\r\nx\r\n", 100_000)) + "--b--\r\n")
            : Mail("multipart/mixed; boundary=\"n0\"", string.Concat(Enumerable.Range(1, 10_000).Select(i => $"--n{i - 1}\r\nContent-Type: multipart/mixed; boundary=\"n{i}\"\r\n\r\n")));

        var (article, elapsed) = await Timed(raw);

        output.WriteLine($"{raw.Length / 1024} KB, {(shape == "parts" ? "100,000" : "10,000")} {shape}: status after {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(("none", "none"), ((string?)article["security"]!["encryption"]!["status"], (string?)article["security"]!["signature"]!["status"]));
        Assert.Equal(note, (string?)article["body"]);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"It took {elapsed}.");
    }

    [Fact]
    public async Task An_article_whose_processing_keeps_failing_is_given_up_after_three_attempts()
    {
        await helpdesk.Configure();
        var group = TestCertificates.SelfSigned(CertificateOptions.For(helpdesk.Address) with { Key = TestKeys.Generate() });
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        using var openssl = new OpenSslWorkspace();
        var (ticketId, articleId) = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, helpdesk.Mailbox("alice"), helpdesk.Address, alice, group, "Lost.\n"));
        Assert.Equal("no-private-key", (string?)(await helpdesk.Processed(ticketId, articleId))["security"]!["encryption"]!["code"]);
        // The stored message is gone (a bug or a hand in the database): every run throws, and the queue would rerun it for ever.
        Assert.Equal(1, await Database.Execute($"delete from {ServiceFixture.Schema}.raw_messages where id = '{articleId}'"));

        await (await helpdesk.Admin.PostFile(PrivateKeys, group.ToPkcs12("pw"), "password", "pw")).Json(HttpStatusCode.Created);

        var article = await helpdesk.Processed(ticketId, articleId, a => (string?)a["security"]?["encryption"]?["code"] == "attempts-exhausted");
        const string notChecked = "The message could not be processed in 3 attempts (each ended in an error or a crash); it was not checked.";
        Assert.Equal(("failed", notChecked), ((string?)article["security"]!["encryption"]!["status"], (string?)article["security"]!["encryption"]!["message"]));
        Assert.Equal(("invalid", "attempts-exhausted"), ((string?)article["security"]!["signature"]!["status"], (string?)article["security"]!["signature"]!["code"]));
        var history = await History(ticketId, articleId);
        Assert.Equal(["security_process_retried", "security_process_abandoned", "article_content_extracted"], history.Select(e => (string)e!["type"]!).TakeLast(3));
        Assert.Equal(3, (int)history.Single(e => (string)e!["type"]! == "security_process_abandoned")!["data"]!["attempts"]!);
    }

    [Fact]
    public async Task Runs_that_began_and_never_finished_count_as_attempts()
    {
        await helpdesk.Configure();
        var (ticketId, articleId) = await helpdesk.Ingest(Mail("text/plain", "Hello.\r\n"));
        await helpdesk.Processed(ticketId, articleId);
        // What three runs that each killed the process leave behind: their attempts, and no outcome.
        var store = service.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Store(new SecurityAttempt(articleId, SecurityAttempts.Max));
            await session.SaveChangesAsync();
        }

        await (await helpdesk.Agent.PostAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/retry-security", null)).Json(HttpStatusCode.OK);

        var article = await helpdesk.Processed(ticketId, articleId);
        Assert.Equal(("failed", "attempts-exhausted"), ((string?)article["security"]!["encryption"]!["status"], (string?)article["security"]!["encryption"]!["code"]));
        Assert.Equal("", (string?)article["body"]);
        await using var query = store.QuerySession();
        Assert.Null(await query.LoadAsync<SecurityAttempt>(articleId));
    }

    private byte[] Mail(string contentType, string body) => Encoding.ASCII.GetBytes(
        $"From: {helpdesk.Mailbox("alice")}\r\nTo: {helpdesk.Address}\r\nSubject: Budget\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\n\r\n{body}");

    private static string Base64(byte[] data) => string.Join("\r\n", Convert.ToBase64String(data).Chunk(76).Select(c => new string(c)));

    private async Task<(JsonNode Article, TimeSpan Elapsed)> Timed(byte[] raw)
    {
        var clock = Stopwatch.StartNew();
        var article = await helpdesk.Processed(await helpdesk.Ingest(raw));
        return (article, clock.Elapsed);
    }

    private async Task<JsonArray> History(Guid ticketId, Guid articleId) =>
        (await (await service.Client("auditor").GetAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/history")).Json(HttpStatusCode.OK)).AsArray();
}
