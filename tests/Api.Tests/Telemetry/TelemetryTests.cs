using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.TestKit.Polling;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Telemetry;

/// <summary>A service of its own, exporting traces (to an OTLP endpoint that does not answer, and to memory): after a
/// compose and two incoming mails (one for a key the service lacks), /metrics counts them with their reason codes, and neither the metrics nor any span holds the subject, the
/// body, an address or the database password.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    // Trust authentication ignores it; telemetry must not repeat it.
    private const string DatabasePassword = "never-in-telemetry-7c1f";
    private readonly RecordedSpans spans = new();
    private readonly ServiceFixture service;

    public TelemetryTests() =>
        service = new ServiceFixture("telemetry_tests", web =>
        {
            web.UseSetting("ConnectionStrings:Marten", $"{ServiceFixture.ConnectionString};Password={DatabasePassword}");
            web.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
            web.UseSetting("OTEL_EXPORTER_OTLP_TIMEOUT", "500");
            web.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        });

    public Task InitializeAsync() => service.InitializeAsync();

    public Task DisposeAsync() => service.DisposeAsync();

    [Fact]
    public async Task Metrics_count_a_compose_and_an_incoming_mail_and_no_telemetry_holds_their_content()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var marker = Guid.NewGuid().ToString("N");
        var (subject, body, incoming) = ($"Subject {marker}", $"Outgoing body {marker}", $"Incoming body {marker}");

        var composed = await helpdesk.Agent.PostAsJsonAsync("/api/v1/tickets", new
        {
            group = helpdesk.Name, customer = alice.Emails(), to = new[] { alice.Emails() }, cc = Array.Empty<string>(), subject, body,
            attachments = Array.Empty<object>(), security = new { type = "SMIME", sign = true, encrypt = true },
        });
        var (ticketId, articleId, _) = await helpdesk.Composed(composed);
        Assert.Equal("delivered", (string)(await helpdesk.Article(ticketId, articleId))["delivery"]!["status"]!);
        using var openssl = new OpenSslWorkspace();
        var received = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, alice.Emails(), helpdesk.Address, alice, group, incoming));
        Assert.Equal("decrypted", (string)(await helpdesk.Processed(received))["security"]!["encryption"]!["status"]!);
        var keyNotImported = TestCertificates.SelfSigned(CertificateOptions.For(helpdesk.Address) with { Key = TestKeys.Generate() });
        var undecryptable = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, alice.Emails(), helpdesk.Address, alice, keyNotImported, incoming));
        Assert.Equal("failed", (string)(await helpdesk.Processed(undecryptable))["security"]!["encryption"]!["status"]!);
        await (await helpdesk.Admin.GetAsync($"{Certificates}?email={Uri.EscapeDataString(alice.Emails())}")).Json(HttpStatusCode.OK);

        var metrics = await Eventually.Until(Scrape, text =>
                Has(text, "securemail_articles_composed_total", "system=\"smime\"", "sign=\"true\"", "encrypt=\"true\"")
                && Has(text, "securemail_security_outcomes_total", "operation=\"sign\"", "outcome=\"success\"")
                && Has(text, "securemail_security_outcomes_total", "operation=\"encrypt\"", "outcome=\"success\"")
                && Has(text, "securemail_security_outcomes_total", "operation=\"decrypt\"", "outcome=\"success\"", "code=\"ok\"")
                && Has(text, "securemail_security_outcomes_total", "operation=\"verify\"", "outcome=\"success\"")
                && Has(text, "securemail_security_outcomes_total", "operation=\"decrypt\"", "outcome=\"failure\"", "code=\"no-private-key\"")
                && Has(text, "securemail_deliveries_total", "outcome=\"delivered\"")
                && Has(text, "securemail_delivery_attempts_count", "outcome=\"delivered\"")
                && Has(text, "securemail_inbound_status_latency_seconds_count", "status=\"verdict\"")
                && Has(text, "http_server_request_duration_seconds_count")
                && Has(text, "db_client_operation_duration_seconds_count"),
            TimeSpan.FromSeconds(30), text => $"the SecureMail, ASP.NET Core and Npgsql metrics; /metrics shows:\n{text}");

        var recorded = spans.Snapshot();
        Assert.Contains(recorded, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(recorded, s => s.Source.Name == "Npgsql");
        Assert.Contains(recorded, s => s.Source.Name == "Wolverine");
        Assert.Contains(recorded, s => s.Source.Name == "Marten");
        var telemetry = string.Join("\n", recorded.Select(RecordedSpans.Text).Prepend(metrics));
        foreach (var secret in new[] { marker, "Secret question", helpdesk.Domain, DatabasePassword })
            Assert.False(telemetry.Contains(secret, StringComparison.OrdinalIgnoreCase), $"Telemetry carries \"{secret}\".");
    }

    [Fact]
    public async Task Metrics_need_the_metrics_or_admin_role()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client(null).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client("agent").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client("auditor").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client("admin").GetAsync("/metrics")).StatusCode);
        var scraped = await service.Client("metrics").GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("target_info", await scraped.Content.ReadAsStringAsync());
    }

    private async Task<string> Scrape()
    {
        var response = await service.Client("metrics").GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static bool Has(string metrics, string name, params string[] labels) =>
        metrics.Split('\n').Any(line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(line.Contains));
}
