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

    [Fact]
    public async Task Auditors_read_the_projections_status_and_only_admins_rebuild()
    {
        var auditor = service.Client("auditor");

        var listed = (await (await auditor.GetAsync("/api/v1/admin/projections")).Json(HttpStatusCode.OK)).AsArray();
        Assert.Contains(listed, p => (string)p!["name"]! == "TicketDetails");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/api/v1/admin/projections/TicketDetails/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client("agent").GetAsync("/api/v1/admin/projections")).StatusCode);
    }
}
