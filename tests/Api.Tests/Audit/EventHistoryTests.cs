using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.Application.Audit;
using SecureMail.Domain.Common;
using SecureMail.Domain.Tickets;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Audit;

[Collection(RunningService.Name)]
public class EventHistoryTests(ServiceFixture service)
{
    private readonly AuditLog audit = new(service);

    [Fact]
    public async Task A_certificate_stream_shows_its_import_and_removal_in_order_with_the_actor()
    {
        var (streamId, _, certificate) = await audit.ImportCertificate();
        Assert.Equal(HttpStatusCode.NoContent, (await audit.Admin.DeleteAsync($"{Certificates}/{certificate.Fingerprint}")).StatusCode);

        var history = await (await audit.Auditor.GetAsync($"{AuditLog.Route}/streams/{streamId}/events")).Json(HttpStatusCode.OK);

        Assert.Equal(streamId.ToString(), history.Value<string>("streamId"));
        var events = history["events"]!.AsArray();
        Assert.Equal(["certificate_imported", "certificate_removed"], events.Select(e => e!.Value<string>("type")));
        Assert.Equal([1L, 2L], events.Select(e => e!.Value<long>("version")));
        Assert.True(events[1]!.Value<long>("sequence") > events[0]!.Value<long>("sequence"));
        Assert.All(events, e => Assert.Equal("test-admin", e!.Value<string>("actor")));
        Assert.All(events, e => Assert.Equal(streamId.ToString(), e!.Value<string>("streamId")));
        Assert.Equal(certificate.Fingerprint, events[1]!["data"]!.Value<string>("certificateFingerprint"));
        Assert.True(events[0]!.Value<DateTimeOffset>("timestamp") <= events[1]!.Value<DateTimeOffset>("timestamp"));
    }

    [Fact]
    public async Task An_unknown_stream_is_not_found_and_an_agent_may_not_read_history()
    {
        await (await audit.Auditor.GetAsync($"{AuditLog.Route}/streams/{Guid.NewGuid()}/events")).Problem(HttpStatusCode.NotFound);
        await (await audit.Auditor.GetAsync($"{AuditLog.Route}/streams/not-a-stream/events")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await audit.Admin.GetAsync($"{AuditLog.Route}/events?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client("agent").GetAsync($"{AuditLog.Route}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client("agent").PostAsync($"{AuditLog.Route}/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client(null).GetAsync($"{AuditLog.Route}/events")).StatusCode);
    }

    [Fact]
    public async Task The_global_log_pages_by_sequence_with_a_next_cursor_and_filters_by_type()
    {
        var (_, first, _) = await audit.ImportCertificate();
        var (_, second, _) = await audit.ImportCertificate();
        var (_, third, _) = await audit.ImportCertificate();
        var query = $"{AuditLog.Route}/events?type=certificate_imported&limit=2";

        var page = await (await audit.Auditor.GetAsync($"{query}&after={first - 1}")).Json(HttpStatusCode.OK);
        var rest = await (await audit.Auditor.GetAsync($"{query}&after={page.Value<long>("next")}")).Json(HttpStatusCode.OK);

        Assert.Equal([first, second], page["events"]!.AsArray().Select(e => e!.Value<long>("sequence")));
        Assert.Equal(second, page.Value<long>("next"));
        Assert.Equal([third], rest["events"]!.AsArray().Select(e => e!.Value<long>("sequence")));
        Assert.Null(rest["next"]);
        Assert.Equal("test-admin", rest["events"]![0]!.Value<string>("actor"));
        var all = await (await audit.Auditor.GetAsync($"{AuditLog.Route}/events?after={first - 1}")).Json(HttpStatusCode.OK);
        Assert.True(all["events"]!.AsArray().Count >= 3);
        var capped = await (await audit.Auditor.GetAsync($"{AuditLog.Route}/events?limit=5000")).Json(HttpStatusCode.OK);
        Assert.InRange(capped["events"]!.AsArray().Count, 1, EventLogQuery.MaxLimit);
    }

    [Fact]
    public async Task The_global_log_filters_by_time()
    {
        var (_, sequence, _) = await audit.ImportCertificate();
        var page = await (await audit.Auditor.GetAsync($"{AuditLog.Route}/events?after={sequence - 1}&limit=1")).Json(HttpStatusCode.OK);
        var at = page["events"]![0]!.Value<DateTimeOffset>("timestamp");
        var from = Uri.EscapeDataString(at.ToString("O"));
        var to = Uri.EscapeDataString(at.AddTicks(10).ToString("O"));

        var within = await (await audit.Auditor.GetAsync($"{AuditLog.Route}/events?after={sequence - 1}&from={from}&to={to}")).Json(HttpStatusCode.OK);
        var before = await (await audit.Auditor.GetAsync($"{AuditLog.Route}/events?after={sequence - 1}&to={from}")).Json(HttpStatusCode.OK);

        Assert.Contains(sequence, within["events"]!.AsArray().Select(e => e!.Value<long>("sequence")));
        Assert.Empty(before["events"]!.AsArray());
    }

    [Fact]
    public async Task With_accept_ndjson_the_log_streams_one_event_a_line()
    {
        var (_, first, _) = await audit.ImportCertificate();
        var (_, second, _) = await audit.ImportCertificate();
        var request = new HttpRequestMessage(HttpMethod.Get, $"{AuditLog.Route}/events?after={first - 1}&type=certificate_imported");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));

        var response = await audit.Auditor.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var events = lines.Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal([first, second], events.Select(e => e.Value<long>("sequence")).Take(2));
        Assert.All(events, e => Assert.Equal("certificate_imported", e.Value<string>("type")));
        Assert.True(events.Select(e => e.Value<long>("sequence")).SequenceEqual(events.Select(e => e.Value<long>("sequence")).Order()));
    }

    [Fact]
    public async Task A_signed_and_encrypted_article_names_its_agent_and_its_delivery_names_the_system()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var (ticketId, articleId, _) = await helpdesk.Composed(await helpdesk.Compose([alice.Emails()], new { type = "SMIME", sign = true, encrypt = true }));
        await helpdesk.Article(ticketId, articleId);

        var actors = await ActorsOf(ticketId);

        Assert.Equal(["ticket_opened", "article_composed", "article_signed", "article_encrypted", "article_delivered"], actors.Select(a => a.Type));
        var agent = actors[1].Actor;
        Assert.False(string.IsNullOrEmpty(agent));
        Assert.Equal([agent, agent, agent, agent, Actors.System], actors.Select(a => a.Actor));
    }

    [Fact]
    public async Task The_security_process_of_incoming_mail_records_the_system_as_its_actor()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        var (ticketId, articleId) = await helpdesk.Ingest(Encoding.UTF8.GetBytes(
            $"From: {helpdesk.Mailbox("alice")}\r\nTo: {helpdesk.Address}\r\nSubject: Plain\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello.\r\n"));
        await helpdesk.Processed(ticketId, articleId);

        var actors = await ActorsOf(ticketId);

        Assert.Equal((Actors.System, Actors.System), (actors.Single(a => a.Type == "article_security_checked").Actor,
            actors.Single(a => a.Type == "article_content_extracted").Actor));
        Assert.NotEqual(Actors.System, actors.Single(a => a.Type == "article_received").Actor);
    }

    [Fact]
    public void Events_stored_before_they_named_an_actor_still_read()
    {
        var serializer = service.Host.Services.GetRequiredService<IDocumentStore>().Options.Serializer();
        const string ids = """
            "ticketId":"0192d7a0-0000-7000-8000-000000000001","articleId":"0192d7a0-0000-7000-8000-000000000002"
            """;

        var signed = Read<ArticleSigned>(serializer, $$"""
            {{{ids}},"system":"SMIME","signerFingerprint":"5151","signerKeyFingerprint":"5151","signerEmail":"support@example.com",
             "signerName":"CN=Support","digest":"SHA-256","signedAt":"2026-11-28T10:00:00+00:00"}
            """);
        var delivered = Read<ArticleDelivered>(serializer, $$"""
            {{{ids}},"reply":"250 OK","attempts":1,"deliveredAt":"2026-11-28T10:01:00+00:00"}
            """);

        Assert.Equal(("SHA-256", null), (signed.Digest, signed.SignedBy));
        Assert.Equal(("250 OK", Actors.System), (delivered.Reply, delivered.DeliveredBy));
    }

    private static T Read<T>(ISerializer serializer, string json) => serializer.FromJson<T>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private async Task<IReadOnlyList<(string Type, string? Actor)>> ActorsOf(Guid streamId)
    {
        var history = await (await audit.Auditor.GetAsync($"{AuditLog.Route}/streams/{streamId}/events")).Json(HttpStatusCode.OK);
        return history["events"]!.AsArray().Select(e => (e!.Value<string>("type"), (string?)e!["actor"])).ToList();
    }
}
