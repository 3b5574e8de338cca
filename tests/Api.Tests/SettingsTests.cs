using System.Net;
using System.Net.Http.Json;
using SecureMail.Api.Tests.Support;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests;

[Collection(RunningService.Name)]
public class SettingsTests(ServiceFixture service)
{
    [Fact]
    public async Task Admins_switch_systems_and_agents_read_what_is_on()
    {
        var admin = service.Client("admin");
        var agent = service.Client("agent");

        await (await admin.PutAsJsonAsync(SettingsRoute, new { smime = new { enabled = true }, pgp = new { enabled = false } })).Json(HttpStatusCode.OK);
        var afterFirst = await (await agent.GetAsync(SettingsRoute)).Json(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync(SettingsRoute, new { pgp = new { enabled = true } })).Json(HttpStatusCode.OK);
        var afterSecond = await (await agent.GetAsync(SettingsRoute)).Json(HttpStatusCode.OK);

        Assert.True(afterFirst["smime"]!.Value<bool>("enabled"));
        Assert.False(afterFirst["pgp"]!.Value<bool>("enabled"));
        Assert.True(afterSecond["smime"]!.Value<bool>("enabled"));
        Assert.True(afterSecond["pgp"]!.Value<bool>("enabled"));
    }

    [Fact]
    public async Task Agents_cannot_change_settings()
    {
        var response = await service.Client("agent").PutAsJsonAsync(SettingsRoute, new { smime = new { enabled = false } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
