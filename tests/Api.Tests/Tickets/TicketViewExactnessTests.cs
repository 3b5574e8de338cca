using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Application.Tickets.Details;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Events are appended in quick mode, which numbers them only where the stream's version is known (ADR 50): the
/// ticket view the service keeps inline must be exactly what a fold of the stored events gives, for every way an article
/// reaches a ticket, also when they race.</summary>
[Collection(RunningService.Name)]
public class TicketViewExactnessTests(ServiceFixture service)
{
    [Fact]
    public async Task The_stored_ticket_view_is_the_fold_of_its_stored_events_after_racing_replies_inbound_mail_and_deliveries()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = helpdesk.Mailbox("alice");
        var aliceCertificate = await helpdesk.Certificate(alice);
        var (ticketId, first, messageId) = await helpdesk.Composed(await helpdesk.Compose([alice], null));
        using var openssl = new OpenSslWorkspace();
        var smime = OpenSslMail.SignedAndEncrypted(openssl, alice, helpdesk.Address, aliceCertificate, group, "Signed and sealed.\n");

        // Mail threaded into the ticket by its In-Reply-To, racing an agent's reply and the first article's delivery; the
        // S/MIME one records its decryption and verification in one batch.
        byte[] Reply(string rest) => Encoding.ASCII.GetBytes($"In-Reply-To: <{messageId}>\r\n{rest}");
        var inbound = Enumerable.Range(1, 3).Select(i => Reply(
                $"From: {alice}\r\nTo: {helpdesk.Address}\r\nSubject: Re: Your request\r\nMessage-ID: <{Guid.NewGuid():N}@example.org>\r\n\r\nReply {i}\r\n"))
            .Append([.. Reply(""), .. smime])
            .Select(helpdesk.Ingest).ToList();
        var reply = helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/articles", new { to = new[] { alice }, body = "One more thing." });
        var received = await Task.WhenAll(inbound);
        var (_, second, _) = await helpdesk.Composed(await reply);
        foreach (var article in received)
            await helpdesk.Processed(article);
        await helpdesk.Article(ticketId, first);
        await helpdesk.Article(ticketId, second);

        await using var session = service.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = await session.LoadAsync<TicketDetails>(ticketId);
        var events = await session.Events.FetchStreamAsync(ticketId);
        var projection = new TicketDetailsProjection();
        var folded = events.Aggregate((TicketDetails?)null, (view, e) => projection.Evolve(view, ticketId, e));

        Assert.All(received, article => Assert.Equal(ticketId, article.TicketId));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.Version));
        Assert.NotNull(stored);
        Assert.Equal(events.Count, stored.TicketVersion);
        Assert.Equal(6, stored.Articles.Count);
        Assert.Contains(stored.Articles, a => a.Security?.Encryption.Status == EncryptionStatus.Decrypted &&
            a.Security.Signature.Status == SignatureStatus.Valid);
        Assert.Equal(JsonSerializer.Serialize(folded), JsonSerializer.Serialize(stored));
    }
}
