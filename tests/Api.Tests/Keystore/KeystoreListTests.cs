using System.Net;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class KeystoreListTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    private async Task<JsonNode> Page(string url) => await (await helpdesk.Admin.GetAsync(url)).Json(HttpStatusCode.OK);

    private static IEnumerable<string> Fingerprints(JsonNode page) =>
        page["items"]!.AsArray().Select(i => ((string)i!["fingerprint"]!).ToLowerInvariant());

    [Fact]
    public async Task Certificates_are_found_by_name_address_domain_and_fingerprint_start()
    {
        var name = $"Zelda {Guid.NewGuid():N}";
        var zelda = await helpdesk.Certificate(helpdesk.Mailbox("zelda"), options: CertificateOptions.For(helpdesk.Mailbox("zelda")) with { CommonName = name });
        var yann = await helpdesk.Certificate(helpdesk.Mailbox("yann"));
        var elsewhere = await helpdesk.Certificate($"yann@other-{helpdesk.Domain}",
            options: CertificateOptions.For($"yann@other-{helpdesk.Domain}") with { CommonName = "Yann Elsewhere" });

        Assert.Equal([zelda.Fingerprint], Fingerprints(await Page($"{Certificates}?q={Uri.EscapeDataString(name.ToUpperInvariant()[..12])}")));
        Assert.Equal([yann.Fingerprint], Fingerprints(await Page($"{Certificates}?q={Uri.EscapeDataString(helpdesk.Mailbox("YANN"))}")));
        Assert.Equal([zelda.Fingerprint, yann.Fingerprint], Fingerprints(await Page($"{Certificates}?q={helpdesk.Domain}")));
        Assert.Equal([elsewhere.Fingerprint], Fingerprints(await Page($"{Certificates}?q=%40other-{helpdesk.Domain}")));
        var colons = string.Join(':', yann.Fingerprint[..16].ToUpperInvariant().Chunk(2).Select(c => new string(c)));
        Assert.Contains(yann.Fingerprint, Fingerprints(await Page($"{Certificates}?q={Uri.EscapeDataString(colons)}")));
        Assert.Empty(Fingerprints(await Page($"{Certificates}?q=%25")));
    }

    [Fact]
    public async Task A_list_comes_a_page_at_a_time_with_the_total()
    {
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
            made.Add((await helpdesk.Certificate(helpdesk.Mailbox($"paged{i}"))).Fingerprint);

        var first = await Page($"{Certificates}?q={helpdesk.Domain}&limit=2");
        var second = await Page($"{Certificates}?q={helpdesk.Domain}&limit=2&page=2");
        var whole = await Page($"{Certificates}?q={helpdesk.Domain}");

        Assert.Equal((3, 1, 2), (first.Value<int>("total"), first.Value<int>("page"), first.Value<int>("limit")));
        Assert.Equal(made, Fingerprints(first).Concat(Fingerprints(second)));
        Assert.Equal(50, whole.Value<int>("limit"));
        Assert.Equal(1, whole.Value<int>("page"));
        Assert.Empty(Fingerprints(await Page($"{Certificates}?q={helpdesk.Domain}&page=9")));
    }

    [Fact]
    public async Task Pgp_keys_are_found_by_user_id_and_paged()
    {
        var key = PgpTestKeys.Create($"Quentin {Guid.NewGuid():N}", helpdesk.Mailbox("quentin"));
        await (await helpdesk.Admin.PostText(PgpKeys, key.PublicKeyArmored())).Json(HttpStatusCode.Created);

        var byName = await Page($"{PgpKeys}?q={Uri.EscapeDataString(key.Name[..16].ToLowerInvariant())}");
        var byFingerprint = await Page($"{PgpKeys}?q={key.Fingerprint[..10].ToLowerInvariant()}&limit=200");

        Assert.Equal([key.Fingerprint.ToLowerInvariant()], Fingerprints(byName));
        Assert.Equal(1, byName.Value<int>("total"));
        Assert.Contains(key.Fingerprint.ToLowerInvariant(), Fingerprints(byFingerprint));
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=ten")]
    public async Task Bad_page_values_are_a_400_that_says_why(string query)
    {
        foreach (var list in new[] { Certificates, PgpKeys, Crls, "/api/v1/keystore/smime/candidates", "/api/v1/keystore/pgp/candidates" })
        {
            var detail = await (await helpdesk.Admin.GetAsync($"{list}?{query}")).Problem(HttpStatusCode.BadRequest);
            Assert.Contains(query.Split('=')[0], detail);
        }
    }
}
