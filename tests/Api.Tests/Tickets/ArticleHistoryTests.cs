using System.Net;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Tickets;

[Collection(RunningService.Name)]
public class ArticleHistoryTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task An_articles_history_tells_its_security_story_with_times_and_actors()
    {
        await helpdesk.Configure();
        await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var (ticketId, articleId, _) = await helpdesk.Composed(await helpdesk.Compose([helpdesk.Mailbox("alice")], new { type = "SMIME", sign = true, encrypt = true }));
        await helpdesk.Article(ticketId, articleId);
        var auditor = service.Client("auditor");

        var history = (await (await auditor.GetAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/history")).Json(HttpStatusCode.OK)).AsArray();

        Assert.Equal(["article_composed", "article_signed", "article_encrypted", "article_delivered"], history.Select(e => (string)e!["type"]!));
        Assert.Equal("test-agent", (string)history[0]!["actor"]!);
        Assert.All(history, e => Assert.NotNull(e!["timestamp"]));
        await (await auditor.GetAsync($"/api/v1/tickets/{ticketId}/articles/{Guid.NewGuid()}/history")).Problem(HttpStatusCode.NotFound);
    }
}
