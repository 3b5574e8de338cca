using System.Net;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Web;

/// <summary>The service serves the built web app: its files, index.html for client routes, and the API untouched under
/// /api. A stand-in build (an index.html and one asset) keeps the test independent of npm.</summary>
public sealed class WebAppTests : IAsyncLifetime
{
    private const string Index = "<!doctype html><title>app</title><script type=\"module\" src=\"/assets/app-1a2b.js\"></script>";
    private readonly string root = Directory.CreateTempSubdirectory("web-root-").FullName;
    private readonly ServiceFixture service;

    public WebAppTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        File.WriteAllText(Path.Combine(root, "index.html"), Index);
        File.WriteAllText(Path.Combine(root, "assets", "app-1a2b.js"), "console.log('app')");
        service = new ServiceFixture("web_app_tests", web => web.UseSetting("Web:Root", root));
    }

    public Task InitializeAsync() => service.InitializeAsync();

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tickets")]
    [InlineData("/tickets/6f1c0b2e-8a57-4f7e-9a52-3f1f4c2f9d11")]
    [InlineData("/admin/keystore")]
    public async Task Every_client_route_gets_the_app_without_a_sign_in(string path)
    {
        var response = await service.Client(role: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Index, await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_app_may_run_only_its_own_scripts_and_may_not_be_framed()
    {
        var response = await service.Client(role: null).GetAsync("/tickets");

        var policy = Directives(string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Hashed_assets_are_served_as_files_and_cached_for_good()
    {
        var response = await service.Client(role: null).GetAsync("/assets/app-1a2b.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("console.log('app')", await response.Content.ReadAsStringAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api")]
    public async Task An_unknown_api_path_is_a_problem_not_the_app(string path)
    {
        var response = await service.Client("agent").GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_answers_carry_the_same_headers_and_still_need_a_token()
    {
        var anonymous = await service.Client(role: null).GetAsync("/api/v1/tickets");
        var agent = await service.Client("agent").GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agent.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(agent.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(agent.Headers.GetValues("Content-Security-Policy")));
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
