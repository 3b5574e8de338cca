using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.Application.Audit;
using SecureMail.Application.Projections;
using SecureMail.TestKit.Polling;

namespace SecureMail.Api.Tests.Admin;

[Collection(RunningService.Name)]
public class ProjectionRebuildTests(ServiceFixture service)
{
    private const string Route = "/api/v1/admin/projections";
    private readonly HttpClient admin = service.Client("admin");

    [Fact]
    public async Task A_rebuild_during_replies_ends_consistent_loses_no_reply_and_repairs_corrupted_rows()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        var tickets = new List<Guid>();
        for (var i = 0; i < 12; i++)
            tickets.Add((await helpdesk.Composed(await helpdesk.Compose([helpdesk.Mailbox($"c{i}")], null))).TicketId);
        // Two read-model rows no longer match their events: one that no reply touches, and one that replies keep
        // appending to, which must not carry the corruption past the rebuild.
        var corrupted = await Database.Execute($"update {ServiceFixture.Schema}.mt_doc_ticketdetails set data = jsonb_set(data, '{{subject}}', '\"corrupted\"') where id in ('{tickets[0]}', '{tickets[1]}')");

        var replies = new ConcurrentBag<(Guid Ticket, Guid Article)>();
        var refusals = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var n = w; !stop.IsCancellationRequested; n++)
            {
                var ticket = tickets[1 + n % (tickets.Count - 1)];
                var response = await helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{ticket}/articles", new { to = new[] { helpdesk.Mailbox("c") }, body = $"reply {w}/{n}" });
                if (response.StatusCode == HttpStatusCode.Created)
                    replies.Add((ticket, Guid.Parse((string)(await response.Json(HttpStatusCode.Created))["articleId"]!)));
                else
                    refusals.Add(response.StatusCode);
            }
        })).ToList();

        await Task.Delay(300);
        var before = replies.Count;
        var requested = await (await admin.PostAsync($"{Route}/TicketDetails/rebuild", null)).Json(HttpStatusCode.Accepted);
        var finished = await Finished("TicketDetails");
        var during = replies.Count - before;
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Equal(2, corrupted);
        Assert.Equal(ProjectionRebuild.Requested, (string)requested["state"]!);
        Assert.Equal(ProjectionRebuild.Completed, (string)finished["rebuild"]!["state"]!);
        Assert.True(during > 0, "no reply was written while the rebuild ran, so the test proved nothing");
        Assert.Empty(refusals);
        Assert.True((long)finished["rebuild"]!["streamsRebuilt"]! >= tickets.Count);
        Assert.True((long)finished["rebuild"]!["documentsRepaired"]! >= 1, finished.ToJsonString());
        Assert.Equal(0, (long)(await Status("TicketDetails"))["lag"]!);
        Assert.Equal("Your request", (string)(await helpdesk.Ticket(tickets[0]))["subject"]!);
        Assert.Equal("Your request", (string)(await helpdesk.Ticket(tickets[1]))["subject"]!);
        foreach (var group in replies.GroupBy(r => r.Ticket))
        {
            var articles = (await helpdesk.Ticket(group.Key))["articles"]!.AsArray().Select(a => Guid.Parse((string)a!["id"]!)).ToHashSet();
            Assert.All(group, reply => Assert.Contains(reply.Article, articles));
        }
        var replay = await service.Host.Services.GetRequiredService<IReadModelReplay>().RunAsync(CancellationToken.None);
        Assert.True(replay.Ok, string.Join("; ", replay.Differences));
    }

    [Fact]
    public async Task A_rebuild_rewrites_a_differing_document_as_inline_projection_wrote_it_and_touches_no_other()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        var (repaired, repairedArticle, _) = await helpdesk.Composed(await helpdesk.Compose([helpdesk.Mailbox("r1")], null));
        var (untouched, untouchedArticle, _) = await helpdesk.Composed(await helpdesk.Compose([helpdesk.Mailbox("r2")], null));
        // Delivered, so no further event moves these streams while the test compares their rows.
        await helpdesk.Article(repaired, repairedArticle);
        await helpdesk.Article(untouched, untouchedArticle);
        var stray = Guid.NewGuid();
        var table = $"{ServiceFixture.Schema}.mt_doc_ticketdetails";
        string Columns(Guid id) => $"select concat_ws('|', data::text, mt_version, mt_dotnet_type) from {table} where id = '{id}'";
        string Modified(Guid id) => $"select mt_last_modified::text from {table} where id = '{id}'";
        var inline = await Database.Scalar<string>(Columns(repaired));
        var untouchedModified = await Database.Scalar<string>(Modified(untouched));
        // Every column the rebuild writes is wrong: the JSON, the revision and the type.
        await Database.Execute($"update {table} set data = jsonb_set(data, '{{subject}}', '\"corrupted\"'), mt_version = 0, mt_dotnet_type = 'Wrong' where id = '{repaired}'");
        await Database.Execute($"insert into {table} (id, data, mt_version, mt_dotnet_type) select '{stray}', data, 1, mt_dotnet_type from {table} where id = '{untouched}'");

        await admin.PostAsync($"{Route}/TicketDetails/rebuild", null);
        var finished = await Finished("TicketDetails");

        Assert.Equal(ProjectionRebuild.Completed, (string)finished["rebuild"]!["state"]!);
        Assert.Equal(inline, await Database.Scalar<string>(Columns(repaired)));
        Assert.Equal(untouchedModified, await Database.Scalar<string>(Modified(untouched)));
        Assert.Equal(0L, await Database.Scalar<long>($"select count(*) from {table} where id = '{stray}'"));
    }

    [Fact]
    public async Task An_unknown_projection_is_not_found_and_a_live_one_has_nothing_to_rebuild()
    {
        var unknown = await (await admin.PostAsync($"{Route}/NoSuchThing/rebuild", null)).Problem(HttpStatusCode.NotFound);
        var live = await (await admin.PostAsync($"{Route}/Ticket/rebuild", null)).Problem(HttpStatusCode.Conflict);

        Assert.Contains("NoSuchThing", unknown);
        Assert.Contains("stores nothing to rebuild", live);
    }

    [Fact]
    public async Task A_second_rebuild_is_refused_while_one_is_in_progress()
    {
        var store = service.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Store(new ProjectionRebuild("Group", ProjectionRebuild.Running, "someone", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        var refused = await (await admin.PostAsync($"{Route}/Group/rebuild", null)).Problem(HttpStatusCode.Conflict);
        await using (var session = store.LightweightSession())
        {
            session.Delete<ProjectionRebuild>("Group");
            await session.SaveChangesAsync();
        }

        Assert.Contains("someone", refused);
        var accepted = await (await admin.PostAsync($"{Route}/Group/rebuild", null)).Json(HttpStatusCode.Accepted);
        Assert.Equal("Group", (string)accepted["id"]!);
        Assert.Equal(ProjectionRebuild.Completed, (string)(await Finished("Group"))["rebuild"]!["state"]!);
    }

    private async Task<JsonNode> Status(string name) =>
        (await (await admin.GetAsync(Route)).Json(HttpStatusCode.OK)).AsArray().Single(p => (string)p!["name"]! == name)!;

    private Task<JsonNode> Finished(string name) =>
        Eventually.Until(() => Status(name),
            status => status["rebuild"] is { } rebuild && (string)rebuild["state"]! is ProjectionRebuild.Completed or ProjectionRebuild.Failed,
            TimeSpan.FromSeconds(60), status => $"the rebuild of {name} to finish; its status is {status.ToJsonString()}", TimeSpan.FromMilliseconds(50));
}
