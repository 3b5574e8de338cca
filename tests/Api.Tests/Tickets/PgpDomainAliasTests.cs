using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Application.Tickets.Compose;
using SecureMail.Domain.Common;
using SecureMail.Api.Tests.Support;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;
using SecureMail.TestKit.Pgp;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>A service of its own with Keystore:PgpDomainAlias on: a key that stands for a whole domain would answer for
/// the addresses of other tests sharing the service.</summary>
public sealed class DomainAliasService : IAsyncLifetime
{
    public ServiceFixture Service { get; } = new("pgp_domain_alias_tests", web => web.UseSetting("Keystore:PgpDomainAlias", "true"));

    public Task InitializeAsync() => Service.InitializeAsync();

    public Task DisposeAsync() => Service.DisposeAsync();
}

public sealed class PgpDomainAliasTests(DomainAliasService fixture) : IClassFixture<DomainAliasService>
{
    private readonly Helpdesk helpdesk = new(fixture.Service);
    private readonly HttpClient auditor = fixture.Service.Client("auditor");

    [Fact]
    public async Task An_address_without_a_key_is_encrypted_to_the_key_aliased_to_its_domain()
    {
        await helpdesk.Configure();
        await helpdesk.PgpKey(helpdesk.Address, secret: true);
        var gateway = await helpdesk.PgpKey(helpdesk.Mailbox("gateway"));
        var bob = helpdesk.Mailbox("bob");
        Assert.False((bool)(await helpdesk.Options(bob))[1]!["encrypt"]!["possible"]!);

        await SetAlias(gateway.Fingerprint, helpdesk.Domain.ToUpperInvariant()).Expect(HttpStatusCode.NoContent);

        var detail = await (await helpdesk.Admin.GetAsync($"{PgpKeys}/{gateway.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.Equal(helpdesk.Domain, (string?)detail["domainAlias"]);
        Assert.Contains(await helpdesk.Admin.List($"{PgpKeys}?email={Uri.EscapeDataString(gateway.Email)}"), k => (string?)k!["domainAlias"] == helpdesk.Domain);
        var pgp = (await helpdesk.Options(bob))[1]!;
        Assert.True((bool)pgp["encrypt"]!["possible"]!, pgp.ToJsonString());
        Assert.Equal($"The PGP key for {bob} was found.", (string)pgp["encrypt"]!["message"]!);

        var (ticketId, articleId, messageId) = await helpdesk.Composed(await helpdesk.Compose([bob], new { type = "PGP", sign = false, encrypt = true }));
        var mail = await fixture.Service.Delivered(messageId);
        using var gpg = new Gpg();
        gpg.Run(Encoding.ASCII.GetBytes(gateway.SecretKeyArmored()), "--pinentry-mode", "loopback", "--passphrase", gateway.Passphrase!, "--import");
        var plaintext = gpg.Run(Encoding.ASCII.GetBytes(ComposeTests.ExtractArmoredMessage(mail.Raw)), "--pinentry-mode", "loopback",
            "--passphrase", gateway.Passphrase!, "--decrypt");
        Assert.Contains("here is the answer.", Encoding.UTF8.GetString(plaintext));
        Assert.Contains(gateway.Fingerprint, await EncryptedTo(ticketId));
        Assert.Equal("encrypted", (string)(await helpdesk.Article(ticketId, articleId))["security"]!["encryption"]!["status"]!);
    }

    [Fact]
    public async Task An_addresss_own_key_wins_over_the_alias_and_a_removed_alias_stands_for_nobody()
    {
        await helpdesk.Configure();
        var gateway = await helpdesk.PgpKey(helpdesk.Mailbox("gateway"));
        var alice = await helpdesk.PgpKey(helpdesk.Mailbox("alice"));
        await SetAlias(gateway.Fingerprint, helpdesk.Domain).Expect(HttpStatusCode.NoContent);

        var (ticketId, _, _) = await helpdesk.Composed(await helpdesk.Compose([alice.Email], new { type = "PGP", sign = false, encrypt = true }));

        Assert.Equal([alice.Fingerprint], await EncryptedTo(ticketId));

        await (await helpdesk.Admin.DeleteAsync($"{PgpKeys}/{gateway.Fingerprint}/domain-alias")).Expect(HttpStatusCode.NoContent);
        Assert.Null((await (await helpdesk.Admin.GetAsync($"{PgpKeys}/{gateway.Fingerprint}")).Json(HttpStatusCode.OK))["domainAlias"]);
        Assert.False((bool)(await helpdesk.Options(helpdesk.Mailbox("bob")))[1]!["encrypt"]!["possible"]!);
        var events = (await (await auditor.GetAsync($"/api/v1/audit/streams/{KeystoreIds.ForPgpKey(gateway.Fingerprint)}/events")).Json(HttpStatusCode.OK))["events"]!
            .AsArray().Select(e => (string)e!["type"]!).ToList();
        Assert.Equal(["pgp_key_imported", "pgp_key_domain_alias_set", "pgp_key_domain_alias_removed"], events);
    }

    [Fact]
    public async Task The_aliased_keys_come_in_the_batch_that_reads_the_addresses_keys()
    {
        await helpdesk.Configure();
        var gateway = await helpdesk.PgpKey(helpdesk.Mailbox("gateway"));
        await SetAlias(gateway.Fingerprint, helpdesk.Domain).Expect(HttpStatusCode.NoContent);
        EmailAddress[] addresses = [EmailAddress.Of(helpdesk.Mailbox("bob")), EmailAddress.Of("carol@other.example.org"), EmailAddress.Of(helpdesk.Address)];

        async Task<(int Requests, KeysByAddress Keys)> Load(bool aliases)
        {
            await using var session = fixture.Service.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var keys = await HeldKeys.LoadAsync(session, [MailSecuritySystem.SMIME, MailSecuritySystem.PGP], addresses, null, new PgpDomainAliases(aliases),
                DateTimeOffset.UtcNow, CancellationToken.None);
            return (session.RequestCount, keys);
        }
        var (off, on) = (await Load(false), await Load(true));

        Assert.Equal(off.Requests, on.Requests);
        Assert.Empty(off.Keys.Of(addresses[0]));
        Assert.Equal(gateway.Fingerprint, Assert.Single(on.Keys.Of(addresses[0])).Fingerprint);
        Assert.Empty(on.Keys.Of(addresses[1]));
    }

    [Fact]
    public async Task An_unknown_key_is_404_and_a_domain_that_is_not_one_is_400()
    {
        var gateway = await helpdesk.PgpKey(helpdesk.Mailbox("gateway"));

        await SetAlias("0123456789ABCDEF0123456789ABCDEF01234567", helpdesk.Domain).Expect(HttpStatusCode.NotFound, problem: true);
        await (await helpdesk.Admin.DeleteAsync($"{PgpKeys}/0123456789ABCDEF0123456789ABCDEF01234567/domain-alias")).Expect(HttpStatusCode.NotFound, problem: true);
        await SetAlias(gateway.Fingerprint, "bob@example.com").Expect(HttpStatusCode.BadRequest, problem: true);
        await SetAlias(gateway.Fingerprint, "com").Expect(HttpStatusCode.BadRequest, problem: true);
        await (await helpdesk.Agent.PutAsJsonAsync($"{PgpKeys}/{gateway.Fingerprint}/domain-alias", new { domain = helpdesk.Domain })).Expect(HttpStatusCode.Forbidden);
    }

    private Task<HttpResponseMessage> SetAlias(string fingerprint, string domain) =>
        helpdesk.Admin.PutAsJsonAsync($"{PgpKeys}/{fingerprint}/domain-alias", new { domain });

    private async Task<List<string>> EncryptedTo(Guid ticketId)
    {
        var stream = await (await auditor.GetAsync($"/api/v1/audit/streams/{ticketId}/events")).Json(HttpStatusCode.OK);
        var encrypted = stream["events"]!.AsArray().Single(e => (string)e!["type"]! == "article_encrypted")!["data"]!;
        return encrypted["recipientFingerprints"]!.AsArray().Select(f => (string)f!).ToList();
    }
}

/// <summary>On the shared service, where the setting keeps its default: off.</summary>
[Collection(RunningService.Name)]
public sealed class PgpDomainAliasOffTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task With_the_setting_off_an_alias_is_kept_but_encrypts_to_nobody()
    {
        await helpdesk.Configure();
        var gateway = await helpdesk.PgpKey(helpdesk.Mailbox("gateway"));
        await (await helpdesk.Admin.PutAsJsonAsync($"{PgpKeys}/{gateway.Fingerprint}/domain-alias", new { domain = helpdesk.Domain }))
            .Expect(HttpStatusCode.NoContent);

        var pgp = (await helpdesk.Options(helpdesk.Mailbox("bob")))[1]!;

        Assert.False((bool)pgp["encrypt"]!["possible"]!);
        Assert.Equal("recipient-key-missing", (string)pgp["encrypt"]!["code"]!);
        await helpdesk.Compose([helpdesk.Mailbox("bob")], new { type = "PGP", sign = false, encrypt = true }).Expect(HttpStatusCode.UnprocessableEntity, problem: true);
    }
}

internal static class ResponseExpectations
{
    public static async Task Expect(this Task<HttpResponseMessage> response, HttpStatusCode expected, bool problem = false) =>
        await (await response).Expect(expected, problem);

    public static async Task Expect(this HttpResponseMessage response, HttpStatusCode expected, bool problem = false)
    {
        if (problem)
            await response.Problem(expected);
        else
            Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
