using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.Application.Audit;

namespace SecureMail.Api.Tests.Audit;

[Collection(RunningService.Name)]
public class ReplayTests(ServiceFixture service)
{
    [Fact]
    public async Task Replay_finds_no_difference_on_a_busy_database_and_finds_the_one_row_a_test_corrupts()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        var (ticketId, articleId, _) = await helpdesk.Composed(await helpdesk.Compose([helpdesk.Mailbox("alice")], null));
        await helpdesk.Article(ticketId, articleId);
        var replay = service.Host.Services.GetRequiredService<IReadModelReplay>();

        var clean = await replay.RunAsync(CancellationToken.None);
        await Database.Execute($"update {ServiceFixture.Schema}.mt_doc_ticketdetails set data = jsonb_set(data, '{{subject}}', '\"tampered\"') where id = '{ticketId}'");
        ReplayReport corrupted;
        try
        {
            corrupted = await replay.RunAsync(CancellationToken.None);
        }
        finally
        {
            await Database.Execute($"update {ServiceFixture.Schema}.mt_doc_ticketdetails set data = jsonb_set(data, '{{subject}}', '\"Your request\"') where id = '{ticketId}'");
        }

        Assert.True(clean.Ok, string.Join("; ", clean.Differences));
        Assert.True(clean.DocumentsCompared >= 3);
        Assert.Equal([new ReplayDifference("ticketdetails", ticketId.ToString(), "different")], corrupted.Differences);
    }
}
