using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.Domain.Keystore;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Every security option and every refused compose names its rule as a stable code, with the addresses it
/// concerns, so that a client can decide and translate without reading the English sentence.</summary>
[Collection(RunningService.Name)]
public class ComposeCodeTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task Security_options_carry_a_code_and_the_addresses_of_each_finding()
    {
        await helpdesk.Configure();
        var (alice, bob, carol) = (helpdesk.Mailbox("alice"), helpdesk.Mailbox("bob"), helpdesk.Mailbox("carol"));
        await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        await helpdesk.Certificate(alice);
        await helpdesk.Certificate(bob, options: CertificateOptions.For(bob).Expired());

        var options = (await (await helpdesk.Agent.PostAsJsonAsync("/api/v1/security-options",
            new { group = helpdesk.Name, to = new[] { alice }, cc = new[] { bob, carol } })).Json(HttpStatusCode.OK)).AsArray();

        var (smime, pgp) = (options[0]!, options[1]!);
        AssertSays(smime["sign"]!, "sign-key-found", helpdesk.Address);
        AssertSays(smime["encrypt"]!, "recipient-key-missing", carol, bob);
        Assert.Equal([("recipient-key-missing", carol), ("recipient-key-expired", bob)],
            smime["encrypt"]!["reasons"]!.AsArray().Select(r => ((string)r!["code"]!, (string)Assert.Single(r["addresses"]!.AsArray())!)));
        AssertSays(pgp["sign"]!, "sign-key-missing", helpdesk.Address);
        AssertSays((await helpdesk.Options(alice))[0]!["encrypt"]!, "recipient-keys-found", alice);
        AssertSays((await helpdesk.Options())[0]!["encrypt"]!, "no-recipient");
    }

    public static TheoryData<string, HttpStatusCode, string> Refusals() => new()
    {
        { "system off", HttpStatusCode.UnprocessableEntity, "security-disabled" },
        { "no signing key", HttpStatusCode.UnprocessableEntity, "sign-key-missing" },
        { "recipient without key", HttpStatusCode.UnprocessableEntity, "recipient-key-missing" },
        { "recipient key expired", HttpStatusCode.UnprocessableEntity, "recipient-key-expired" },
        { "unknown group", HttpStatusCode.UnprocessableEntity, "group-unknown" },
        { "no recipient", HttpStatusCode.UnprocessableEntity, "no-recipient" },
        { "no subject", HttpStatusCode.UnprocessableEntity, "subject-missing" },
        { "unknown ticket", HttpStatusCode.NotFound, "ticket-unknown" },
        { "damaged signing key", HttpStatusCode.UnprocessableEntity, "sign-failed" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_compose_names_its_rule_and_the_addresses_it_concerns(string cause, HttpStatusCode status, string code)
    {
        await helpdesk.Configure();
        var (alice, dave, erin) = (helpdesk.Mailbox("alice"), helpdesk.Mailbox("dave"), helpdesk.Mailbox("erin"));
        await helpdesk.Certificate(alice);
        await helpdesk.Certificate(erin, options: CertificateOptions.For(erin).Expired());
        if (cause == "system off")
            await (await helpdesk.Admin.PutAsJsonAsync(HttpExtensions.SettingsRoute, new { smime = new { enabled = false } })).Json(HttpStatusCode.OK);
        if (cause == "damaged signing key")
            await Vault.Damage(service, KeystoreIds.ForCertificate((await helpdesk.Certificate(helpdesk.Address, privateKey: true)).Fingerprint));

        var response = cause switch
        {
            "no signing key" or "damaged signing key" => await helpdesk.Compose([alice], new { type = "SMIME", sign = true, encrypt = false }),
            "recipient without key" => await helpdesk.Compose([alice, dave], new { type = "SMIME", sign = false, encrypt = true }),
            "recipient key expired" => await helpdesk.Compose([erin], new { type = "SMIME", sign = false, encrypt = true }),
            "unknown group" => await helpdesk.Agent.PostAsJsonAsync("/api/v1/tickets", new { group = "No such group", to = new[] { alice }, subject = "x", body = "x" }),
            "no recipient" => await helpdesk.Agent.PostAsJsonAsync("/api/v1/tickets", new { group = helpdesk.Name, to = Array.Empty<string>(), subject = "x", body = "x" }),
            "no subject" => await helpdesk.Agent.PostAsJsonAsync("/api/v1/tickets", new { group = helpdesk.Name, to = new[] { alice }, body = "x" }),
            "unknown ticket" => await helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{Guid.NewGuid()}/articles", new { to = new[] { alice }, body = "x" }),
            _ => await helpdesk.Compose([alice], new { type = "SMIME", sign = false, encrypt = true }),
        };

        await response.Problem(status);
        var problem = await response.Content.ReadFromJsonAsync<JsonNode>();
        await helpdesk.Configure();
        Assert.Equal(code, (string)problem!["code"]!);
        string[] expected = cause switch
        {
            "no signing key" => [helpdesk.Address],
            "recipient without key" => [dave],
            "recipient key expired" => [erin],
            _ => [],
        };
        Assert.Equal(expected, problem["addresses"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task A_stale_reply_is_a_conflict_with_its_code()
    {
        await helpdesk.Configure();
        var alice = helpdesk.Mailbox("alice");
        var (ticketId, _, _) = await helpdesk.Composed(await helpdesk.Compose([alice], null));
        await helpdesk.Composed(await helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/articles", new { to = new[] { alice }, body = "One" }));

        var stale = await helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/articles", new { to = new[] { alice }, body = "Two", expectedVersion = 2 });

        await stale.Problem(HttpStatusCode.Conflict);
        Assert.Equal("ticket-changed", (string)(await stale.Content.ReadFromJsonAsync<JsonNode>())!["code"]!);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_codes_as_an_enum()
    {
        var document = JsonNode.Parse(await service.Client(null).GetStringAsync("/openapi/v1.json"))!;

        var codes = document["components"]!["schemas"]!["ComposeCode"]!["enum"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Contains("recipient-key-missing", codes);
        Assert.Contains("security-disabled", codes);
        Assert.All(codes, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c));
        Assert.Equal("#/components/schemas/ComposeCode", (string)document["components"]!["schemas"]!["Possibility"]!["properties"]!["code"]!["$ref"]!);
        var refused = document["paths"]!["/api/v1/tickets"]!["post"]!["responses"]!["422"]!["content"]!["application/problem+json"]!["schema"]!;
        Assert.Equal("#/components/schemas/ComposeProblem", (string)refused["$ref"]!);
    }

    private static void AssertSays(JsonNode possibility, string code, params string[] addresses)
    {
        Assert.Equal(code, (string)possibility["code"]!);
        Assert.Equal(addresses, possibility["addresses"]!.AsArray().Select(a => (string)a!));
        Assert.False(string.IsNullOrEmpty((string)possibility["message"]!));
    }
}
