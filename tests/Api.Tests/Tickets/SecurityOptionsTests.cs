using System.Net;
using System.Net.Http.Json;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

[Collection(RunningService.Name)]
public class SecurityOptionsTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    private async Task<System.Text.Json.Nodes.JsonArray> Ask(object body) =>
        (await (await helpdesk.Agent.PostAsJsonAsync("/api/v1/security-options", body)).Json(HttpStatusCode.OK)).AsArray();

    [Fact]
    public async Task Both_systems_answer_with_the_reference_words_smime_first()
    {
        await helpdesk.Configure();
        await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        await helpdesk.Certificate(helpdesk.Mailbox("bob"), options: CertificateOptions.For(helpdesk.Mailbox("bob")).Expired());
        await helpdesk.PgpKey(helpdesk.Mailbox("alice"));

        var options = await Ask(new { group = helpdesk.Name, to = new[] { helpdesk.Mailbox("alice") }, cc = new[] { helpdesk.Mailbox("bob"), helpdesk.Mailbox("carol") } });

        Assert.Equal(["SMIME", "PGP"], options.Select(o => (string)o!["type"]!));
        var smime = options[0]!;
        Assert.True((bool)smime["sign"]!["possible"]!);
        Assert.Equal($"The certificate for {helpdesk.Address} was found.", (string)smime["sign"]!["message"]!);
        Assert.False((bool)smime["encrypt"]!["possible"]!);
        Assert.Equal($"The certificate for {helpdesk.Mailbox("carol")} was not found. There were certificates found for {helpdesk.Mailbox("bob")}, but at least one of them has expired.",
            (string)smime["encrypt"]!["message"]!);
        Assert.Equal($"The PGP key for {helpdesk.Address} was not found.", (string)options[1]!["sign"]!["message"]!);
        Assert.False((bool)smime["defaults"]!["encrypt"]!);
    }

    [Fact]
    public async Task An_expired_sibling_does_not_block_and_a_ticket_brings_its_group()
    {
        await helpdesk.Configure();
        var alice = helpdesk.Mailbox("alice");
        await helpdesk.Certificate(alice, options: CertificateOptions.For(alice).Expired());
        await helpdesk.Certificate(alice);
        await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var (ticketId, _, _) = await helpdesk.Composed(await helpdesk.Compose([alice], null));

        var options = await Ask(new { ticketId, to = new[] { alice } });

        Assert.Equal($"The certificate for {alice} was found.", (string)options[0]!["encrypt"]!["message"]!);
        Assert.True((bool)options[0]!["defaults"]!["encrypt"]!);
    }

    [Fact]
    public async Task A_system_that_is_off_is_absent_and_both_off_is_empty()
    {
        await helpdesk.Configure();
        await (await helpdesk.Admin.PutAsJsonAsync(HttpExtensions.SettingsRoute, new { pgp = new { enabled = false } })).Json(HttpStatusCode.OK);
        var smimeOnly = await Ask(new { group = helpdesk.Name, to = new[] { helpdesk.Mailbox("x") } });
        await (await helpdesk.Admin.PutAsJsonAsync(HttpExtensions.SettingsRoute, new { smime = new { enabled = false } })).Json(HttpStatusCode.OK);
        var none = await Ask(new { group = helpdesk.Name, to = new[] { helpdesk.Mailbox("x") } });
        await helpdesk.Configure();

        Assert.Equal(["SMIME"], smimeOnly.Select(o => (string)o!["type"]!));
        Assert.Empty(none);
    }

    [Fact]
    public async Task An_unknown_group_and_a_bad_address_are_refused()
    {
        await (await helpdesk.Agent.PostAsJsonAsync("/api/v1/security-options", new { group = "No such group", to = new[] { "a@example.com" } }))
            .Problem(HttpStatusCode.UnprocessableEntity);
        await (await helpdesk.Agent.PostAsJsonAsync("/api/v1/security-options", new { group = "x", to = new[] { "not an address" } }))
            .Problem(HttpStatusCode.BadRequest);
    }
}
