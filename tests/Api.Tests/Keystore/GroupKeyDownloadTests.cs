using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class GroupKeyDownloadTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    private string Route(string what) => $"/api/v1/groups/{Uri.EscapeDataString(helpdesk.Name)}/{what}";

    [Fact]
    public async Task Agents_download_the_groups_public_certificate_as_pem_or_der_and_its_pgp_key_armored_never_a_private_key()
    {
        await helpdesk.Configure();
        var customer = await helpdesk.Certificate(helpdesk.Mailbox("carla"));
        var certificate = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var key = await helpdesk.PgpKey(helpdesk.Address, secret: true);

        var pem = await helpdesk.Agent.GetAsync(Route("certificate"));
        var derRequest = new HttpRequestMessage(HttpMethod.Get, Route("certificate")) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/pkix-cert") } } };
        var der = await helpdesk.Agent.SendAsync(derRequest);
        var armored = await helpdesk.Agent.GetAsync(Route("pgp-key"));

        Assert.Equal(HttpStatusCode.OK, pem.StatusCode);
        Assert.Equal("application/x-pem-file", pem.Content.Headers.ContentType?.MediaType);
        var text = await pem.Content.ReadAsStringAsync();
        Assert.Equal(certificate.Der, Convert.FromBase64String(string.Concat(text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----")))));
        Assert.Equal("application/pkix-cert", der.Content.Headers.ContentType?.MediaType);
        Assert.Equal(certificate.Der, await der.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(customer.Der, certificate.Der);
        Assert.Equal("application/pgp-keys", armored.Content.Headers.ContentType?.MediaType);
        var block = await armored.Content.ReadAsStringAsync();
        Assert.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----", block);
        Assert.Equal(key.PublicKeyArmored().Split('\n').Where(l => l.Length > 20 && !l.Contains(':')).First(),
            block.Split('\n').Where(l => l.Length > 20 && !l.Contains(':')).First());
        Assert.DoesNotContain("PRIVATE", text + block);
    }

    [Fact]
    public async Task A_group_without_a_key_or_no_group_at_all_is_a_404_and_the_mailer_may_not_ask()
    {
        await helpdesk.Configure();

        var noCertificate = await (await helpdesk.Agent.GetAsync(Route("certificate"))).Problem(HttpStatusCode.NotFound);
        var noPgpKey = await (await helpdesk.Agent.GetAsync(Route("pgp-key"))).Problem(HttpStatusCode.NotFound);
        var noGroup = await (await helpdesk.Agent.GetAsync("/api/v1/groups/No%20such%20group/certificate")).Problem(HttpStatusCode.NotFound);

        Assert.Contains(helpdesk.Address, noCertificate);
        Assert.Contains("no current PGP key", noPgpKey);
        Assert.Contains("There is no group named", noGroup);
        Assert.Equal(HttpStatusCode.Forbidden, (await helpdesk.Mailer.GetAsync(Route("certificate"))).StatusCode);
    }
}
