using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.Application.Keystore.Alerts;
using SecureMail.Domain.Keystore.Expiry;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using Wolverine;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

/// <summary>A service of its own: a group key that ends soon degrades /health for every test that shares the service.</summary>
public sealed class KeyExpiryAlertTests : IAsyncLifetime
{
    private const string Custodian = "key-custodian@example.org";
    private const string Alerts = "/api/v1/keystore/alerts";
    private readonly ServiceFixture service = new("key_expiry_tests", web => web.UseSetting("Keystore:ExpiryDigestRecipients", Custodian));

    public Task InitializeAsync() => service.InitializeAsync();

    public Task DisposeAsync() => service.DisposeAsync();

    [Fact]
    public async Task A_group_certificate_that_ends_in_five_days_degrades_health_is_an_alert_and_is_mailed_once()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        var certificate = await helpdesk.Certificate(helpdesk.Address, privateKey: true,
            CertificateOptions.For(helpdesk.Address) with { NotAfter = DateTimeOffset.UtcNow.AddDays(5) });

        var health = await (await service.Client(role: null).GetAsync("/health")).Json(HttpStatusCode.OK);
        Assert.Equal("degraded", (string)health["status"]!);
        Assert.Contains(health["reasons"]!.AsArray(), r => ((string)r!).Contains(helpdesk.Address) && ((string)r!).Contains("S/MIME"));

        var alert = Single(await service.Client("auditor").List(Alerts), certificate.Fingerprint);
        Assert.Equal("group-key-expiring", (string)alert["code"]!);
        Assert.Equal("critical", (string)alert["severity"]!);
        Assert.Equal([helpdesk.Name], alert["groups"]!.AsArray().Select(g => (string)g!));
        Assert.Equal([helpdesk.Address], alert["emails"]!.AsArray().Select(g => (string)g!));
        Assert.NotNull(alert["expiresAt"]);
        await service.Host.Services.GetRequiredService<SecureMail.Api.Telemetry.KeystoreAlertCounts>().CountAsync(CancellationToken.None);
        var metrics = await (await service.Client("metrics").GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("securemail_keystore_alerts{", StringComparison.Ordinal)
            && line.Contains("code=\"group-key-expiring\"") && line.Contains("severity=\"critical\"") && line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0] == "1");

        await Task.WhenAll(Check(), Check());
        var digest = (await service.Smtp.WaitForMailAsync(1, TimeSpan.FromSeconds(30))).Single();
        await Check();
        // A second digest, had one been queued, is sent within a second or two.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(service.Smtp.Received(), m => m.Recipients.Contains(Custodian));
        Assert.Equal([Custodian], digest.Recipients);
        var text = MimeMessage.Load(new MemoryStream(digest.Raw)).TextBody;
        Assert.Contains($"The S/MIME key of the group {helpdesk.Name} ({helpdesk.Address}) expires on", text);
        Assert.Equal(1, await Warnings(certificate.Fingerprint));
    }

    [Fact]
    public async Task Customers_keys_that_end_in_the_window_and_stale_crls_are_warnings_an_expired_group_key_is_critical()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        var ownKey = await helpdesk.Certificate(helpdesk.Address, privateKey: true, CertificateOptions.For(helpdesk.Address).Expired());
        var carol = helpdesk.Mailbox("carol");
        var ending = await helpdesk.Certificate(carol, options: CertificateOptions.For(carol) with { NotAfter = DateTimeOffset.UtcNow.AddDays(12) });
        var dave = helpdesk.Mailbox("dave");
        var renewed = await helpdesk.Certificate(dave, options: CertificateOptions.For(dave) with { NotAfter = DateTimeOffset.UtcNow.AddDays(12) });
        await helpdesk.Certificate(dave);
        var later = await helpdesk.Certificate(helpdesk.Mailbox("erin"), options: CertificateOptions.For(helpdesk.Mailbox("erin")) with { NotAfter = DateTimeOffset.UtcNow.AddDays(45) });
        var pgp = PgpTestKeys.Create("Frank", helpdesk.Mailbox("frank"), expiresAt: DateTimeOffset.UtcNow.AddDays(20));
        await (await helpdesk.Admin.PostText(PgpKeys, pgp.PublicKeyArmored())).Json(HttpStatusCode.Created);
        var caName = $"Late CA {Guid.NewGuid():N}";
        var ca = TestCa.Create(caName);
        await (await helpdesk.Admin.PostText(TrustAnchors, ca.Certificate.Pem)).Json(HttpStatusCode.Created);
        await (await helpdesk.Admin.PostBytes(Crls, ca.Revoke([], DateTimeOffset.UtcNow.AddDays(-8), DateTimeOffset.UtcNow.AddDays(-1)).Der)).Json(HttpStatusCode.Created);

        var alerts = await helpdesk.Admin.List(Alerts);

        var own = Single(alerts, ownKey.Fingerprint);
        Assert.Equal(("group-key-expired", "critical"), ((string)own["code"]!, (string)own["severity"]!));
        Assert.Contains("expired on", (string)own["message"]!);
        Assert.Equal(("certificate-expiring", "warning"), ((string)Single(alerts, ending.Fingerprint)["code"]!, (string)Single(alerts, ending.Fingerprint)["severity"]!));
        Assert.Equal("pgp-key-expiring", (string)Single(alerts, pgp.Fingerprint)["code"]!);
        var stale = Assert.Single(alerts, a => ((string)a!["subject"]!).Contains(caName))!;
        Assert.Equal(("crl-stale", "warning"), ((string)stale["code"]!, (string)stale["severity"]!));
        Assert.NotNull(stale["nextUpdate"]);
        Assert.DoesNotContain(alerts, a => (string)a!["fingerprint"]! == renewed.Fingerprint);
        Assert.DoesNotContain(alerts, a => (string)a!["fingerprint"]! == later.Fingerprint);
        Assert.Equal("critical", (string)alerts[0]!["severity"]!);
    }

    [Fact]
    public async Task Alerts_are_for_admins_and_auditors_and_the_openapi_document_lists_the_codes()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client("agent").GetAsync(Alerts)).StatusCode);
        var document = await (await service.Client(role: null).GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var codes = document["components"]!["schemas"]!["KeystoreAlertCode"]!["enum"]!.AsArray().Select(c => (string)c!);
        Assert.Equal(["group-key-expired", "group-key-expiring", "certificate-expiring", "pgp-key-expiring", "crl-stale"], codes);
    }

    private static JsonNode Single(JsonArray alerts, string fingerprint) =>
        Assert.Single(alerts, a => string.Equals((string)a!["fingerprint"]!, fingerprint, StringComparison.OrdinalIgnoreCase))!;

    private async Task Check()
    {
        await using var scope = service.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new CheckKeyExpiry());
    }

    private async Task<int> Warnings(string fingerprint)
    {
        await using var session = service.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.QueryRawEventDataOnly<KeyExpiryWarningSent>().ToListAsync();
        return events.Count(e => string.Equals(e.Fingerprint, fingerprint, StringComparison.OrdinalIgnoreCase));
    }
}
