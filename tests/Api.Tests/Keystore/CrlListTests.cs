using System.Net;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class CrlListTests(ServiceFixture service)
{
    private readonly HttpClient admin = service.Client("admin");

    [Fact]
    public async Task A_crl_is_listed_with_its_dates_count_and_staleness_and_once_removed_revokes_nothing_until_imported_again()
    {
        var name = $"Listed CA {Guid.NewGuid():N}";
        var ca = TestCa.Create(name);
        var leaf = ca.Issue($"leaf-{Guid.NewGuid():N}@example.com");
        await (await admin.PostText(TrustAnchors, ca.Certificate.Pem)).Json(HttpStatusCode.Created);
        await (await admin.PostText(Certificates, leaf.Pem)).Json(HttpStatusCode.Created);
        var crl = ca.Revoke([leaf.Certificate.SerialNumber], DateTimeOffset.UtcNow.AddDays(-8), DateTimeOffset.UtcNow.AddDays(-1));
        await (await admin.PostBytes(Crls, crl.Der)).Json(HttpStatusCode.Created);

        var listed = Assert.Single(await service.Client("auditor").List(Crls), c => ((string)c!["issuer"]!).Contains(name))!;
        Assert.Equal(1, listed.Value<int>("revokedCount"));
        Assert.True(listed.Value<bool>("stale"));
        Assert.NotNull(listed["thisUpdate"]);
        Assert.NotNull(listed["nextUpdate"]);
        Assert.True(await Revoked(leaf));

        var id = listed.Value<string>("id");
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client("auditor").DeleteAsync($"{Crls}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Crls}/{id}")).StatusCode);

        Assert.DoesNotContain(await admin.List(Crls), c => ((string)c!["issuer"]!).Contains(name));
        Assert.False(await Revoked(leaf));
        Assert.Contains("no such CRL", await (await admin.DeleteAsync($"{Crls}/{id}")).Problem(HttpStatusCode.NotFound));
        await (await admin.DeleteAsync($"{Crls}/not-an-id")).Problem(HttpStatusCode.NotFound);
        await (await admin.PostBytes(Crls, crl.Der)).Json(HttpStatusCode.Created);
        Assert.True(await Revoked(leaf));
    }

    private async Task<bool> Revoked(TestCertificate certificate) =>
        (await (await admin.GetAsync($"{Certificates}/{certificate.Fingerprint}")).Json(HttpStatusCode.OK)).Value<bool>("revoked");
}
