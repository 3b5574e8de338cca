using System.Net;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Admin;

[Collection(RunningService.Name)]
public class ProjectionTests(ServiceFixture service)
{
    private readonly HttpClient admin = service.Client("admin");

    private async Task<JsonArray> Projections() => (await (await admin.GetAsync("/api/v1/admin/projections")).Json(HttpStatusCode.OK)).AsArray();

    [Fact]
    public async Task Projections_are_listed_with_lifecycle_position_and_lag()
    {
        var projections = await Projections();

        var tickets = projections.Single(p => ((string)p!["name"]!).Contains("TicketDetails"))!;
        Assert.Equal("Inline", (string)tickets["lifecycle"]!);
        Assert.Equal(0, (long)tickets["lag"]!);
        Assert.All(projections, p => Assert.True((long)p!["position"]! > 0));
    }
}
