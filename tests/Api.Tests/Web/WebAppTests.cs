using System.Net;
using Microsoft.AspNetCore.Hosting;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Web;

/// <summary>The built web app is served from its folder: its files as they are, index.html for the app's own routes.</summary>
public sealed class WebAppTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("web-app-").FullName;
    private ServiceFixture service = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        await File.WriteAllTextAsync(Path.Combine(root, "index.html"), "<!doctype html><title>app</title><div id=root></div>");
        await File.WriteAllTextAsync(Path.Combine(root, "assets", "index-abc123.js"), "console.log('app');");
        service = new ServiceFixture("web_app_tests", web => web.UseSetting("Web:Root", root));
        await service.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_file_of_the_build_is_served_as_itself_with_its_type()
    {
        var response = await service.Client(null).GetAsync("/assets/index-abc123.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("console.log('app');", await response.Content.ReadAsStringAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_route_of_the_app_gets_index_html_and_an_unknown_api_path_does_not()
    {
        var page = await service.Client(null).GetAsync("/admin/keystore");
        var api = await service.Client(null).GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=root>", await page.Content.ReadAsStringAsync());
        Assert.NotEqual("text/html", api.Content.Headers.ContentType?.MediaType);
    }
}
