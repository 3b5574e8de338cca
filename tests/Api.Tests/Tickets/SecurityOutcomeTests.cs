using System.Text;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Tickets;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>An incoming article's outcome is recorded once, at the ticket version its run began from, and the API names
/// why a layer failed with a stable code from one vocabulary.</summary>
[Collection(RunningService.Name)]
public class SecurityOutcomeTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    private byte[] Plain() => Encoding.UTF8.GetBytes(
        $"From: {helpdesk.Mailbox("alice")}\r\nTo: {helpdesk.Address}\r\nSubject: Plain\r\nMessage-ID: <{Guid.NewGuid():N}@example.com>\r\n\r\nHello.\r\n");

    [Fact]
    public async Task Of_two_runs_that_began_at_one_ticket_version_only_the_first_to_commit_records_an_outcome()
    {
        await helpdesk.Configure();
        var (ticketId, articleId) = await helpdesk.Ingest(Plain());
        await helpdesk.Processed(ticketId, articleId);
        var store = service.Host.Services.GetRequiredService<IDocumentStore>();
        var process = service.Host.Services.GetRequiredService<SecurityProcess>();
        var now = DateTimeOffset.UtcNow;

        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        var (firstTicket, firstRuns) = await SecurityAttempts.FetchAsync(first, ticketId, articleId, default);
        var (secondTicket, secondRuns) = await SecurityAttempts.FetchAsync(second, ticketId, articleId, default);
        await process.RecordAsync(first, firstTicket, firstRuns, articleId, [new SecurityProcessRetried(ticketId, articleId, "node one", now)], now, default);

        await Assert.ThrowsAnyAsync<JasperFx.ConcurrencyException>(() =>
            process.RecordAsync(second, secondTicket, secondRuns, articleId, [new SecurityProcessRetried(ticketId, articleId, "node two", now)], now, default));
        await using var query = store.QuerySession();
        var events = (await query.Events.FetchStreamAsync(ticketId)).Select(e => e.Data).ToList();
        Assert.Equal(["node one"], events.OfType<SecurityProcessRetried>().Select(r => r.RetriedBy));
        Assert.Equal(2, events.OfType<ArticleSecurityChecked>().Count());
    }

    [Fact]
    public async Task A_message_for_which_we_hold_no_private_key_fails_with_its_code_and_waits_for_a_key()
    {
        await helpdesk.Configure();
        var notImported = TestCertificates.SelfSigned(CertificateOptions.For(helpdesk.Address) with { Key = TestKeys.Generate() });
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        using var openssl = new OpenSslWorkspace();
        var raw = OpenSslMail.SignedAndEncrypted(openssl, helpdesk.Mailbox("alice"), helpdesk.Address, alice, notImported, "Secret.\n");

        var article = await helpdesk.Processed(await helpdesk.Ingest(raw));

        var encryption = article["security"]!["encryption"]!;
        Assert.Equal(("failed", "no-private-key", "Unable to find private key to decrypt"),
            ((string?)encryption["status"], (string?)encryption["code"], (string?)encryption["message"]));
        Assert.Null(encryption["reason"]);
        Assert.True((bool)article["awaitsKey"]!);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_codes_as_an_enum()
    {
        var document = JsonNode.Parse(await service.Host.Server.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var codes = Codes(document).ToList();
        Assert.Contains(codes, c => c.Contains("no-private-key") && c.Contains("unknown-critical-subpacket") && c.Contains("attempts-exhausted"));
    }

    /// <summary>Every enum in the document, as its values joined.</summary>
    private static IEnumerable<string> Codes(JsonNode node) => node switch
    {
        JsonObject o => (o["enum"] is JsonArray values ? [string.Join(",", values.Select(v => (string?)v))] : Array.Empty<string>())
            .Concat(o.SelectMany(p => p.Value is null ? [] : Codes(p.Value))),
        JsonArray a => a.SelectMany(v => v is null ? [] : Codes(v)),
        _ => [],
    };
}
