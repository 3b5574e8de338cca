using System.Net;
using System.Net.Http.Json;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Tickets;

[Collection(RunningService.Name)]
public class TimeTravelTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task A_ticket_is_shown_exactly_as_it_was_at_a_version_or_a_moment()
    {
        await helpdesk.Configure();
        var alice = helpdesk.Mailbox("alice");
        var (ticketId, firstArticle, _) = await helpdesk.Composed(await helpdesk.Compose([alice], null));
        await helpdesk.Article(ticketId, firstArticle);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await helpdesk.Composed(await helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/articles", new { to = new[] { alice }, body = "Second." }));

        var live = await helpdesk.Ticket(ticketId);
        var atVersion2 = await (await helpdesk.Agent.GetAsync($"/api/v1/tickets/{ticketId}?version=2")).Json(HttpStatusCode.OK);
        var atMoment = await (await helpdesk.Agent.GetAsync($"/api/v1/tickets/{ticketId}?asOf={Uri.EscapeDataString(between.ToString("O"))}")).Json(HttpStatusCode.OK);
        var atLatest = await (await helpdesk.Agent.GetAsync($"/api/v1/tickets/{ticketId}?version={(long)live["version"]!}")).Json(HttpStatusCode.OK);

        Assert.Single(atVersion2["articles"]!.AsArray());
        Assert.Equal(2, (long)atVersion2["version"]!);
        Assert.Single(atMoment["articles"]!.AsArray());
        Assert.Equal("delivered", (string)atMoment["articles"]![0]!["delivery"]!["status"]!);
        Assert.Equal(2, live["articles"]!.AsArray().Count);
        Assert.Equal(live["articles"]!.ToJsonString(), atLatest["articles"]!.ToJsonString());
    }

    [Fact]
    public async Task Before_the_ticket_existed_there_is_nothing()
    {
        await helpdesk.Configure();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var (ticketId, _, _) = await helpdesk.Composed(await helpdesk.Compose([helpdesk.Mailbox("alice")], null));

        await (await helpdesk.Agent.GetAsync($"/api/v1/tickets/{ticketId}?asOf={Uri.EscapeDataString(before.ToString("O"))}")).Problem(HttpStatusCode.NotFound);
    }
}
