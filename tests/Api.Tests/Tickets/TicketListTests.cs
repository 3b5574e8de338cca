using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>The ticket list: newest activity first, each ticket with its newest article's security and delivery status.</summary>
[Collection(RunningService.Name)]
public class TicketListTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task Each_ticket_shows_its_newest_articles_status_newest_activity_first()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var (outgoingTicket, _, openedId) = await helpdesk.Composed(await helpdesk.Compose([alice.Emails()], new { type = "SMIME", sign = true, encrypt = true }));
        var signedOnly = await List();
        var reply = await helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{outgoingTicket}/articles", new { to = new[] { alice.Emails() }, body = "Plain." });
        var (_, replyId, replyMessageId) = await helpdesk.Composed(reply);
        // A delivery outcome is activity on the ticket too: both are in before the incoming mail, so it comes out newest.
        await service.Delivered(openedId);
        await service.Delivered(replyMessageId);
        using var openssl = new OpenSslWorkspace();
        var incoming = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, alice.Emails(), helpdesk.Address, alice, group, "Thanks.\n"));
        await helpdesk.Processed(incoming);

        var tickets = await List();

        var opened = Single(signedOnly, outgoingTicket)["lastArticle"]!;
        Assert.Equal("outgoing", (string)opened["direction"]!);
        Assert.Equal("signed", (string)opened["security"]!["signature"]!["status"]!);
        Assert.Equal("encrypted", (string)opened["security"]!["encryption"]!["status"]!);
        Assert.Equal([incoming.TicketId.ToString(), outgoingTicket.ToString()], tickets.Select(t => (string)t!["id"]!));
        var replied = Single(tickets, outgoingTicket)["lastArticle"]!;
        Assert.Equal(replyId.ToString(), (string)replied["id"]!);
        Assert.Equal("none", (string)replied["security"]!["signature"]!["status"]!);
        Assert.NotNull(replied["delivery"]);
        var received = Single(tickets, incoming.TicketId)["lastArticle"]!;
        Assert.Equal("incoming", (string)received["direction"]!);
        Assert.Equal("decrypted", (string)received["security"]!["encryption"]!["status"]!);
        Assert.Equal("valid", (string)received["security"]!["signature"]!["status"]!);
        Assert.Equal(alice.Fingerprint, (string)received["security"]!["signature"]!["signer"]!["fingerprint"]!);
        Assert.False((bool)received["awaitsKey"]!);
    }

    private async Task<JsonArray> List() =>
        (await (await helpdesk.Agent.GetAsync($"/api/v1/tickets?group={Uri.EscapeDataString(helpdesk.Name)}")).Json(HttpStatusCode.OK))["tickets"]!.AsArray();

    private static JsonNode Single(JsonArray tickets, Guid id) => tickets.Single(t => (string)t!["id"]! == id.ToString())!;
}
