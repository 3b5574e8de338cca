using System.Net;
using Alba;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests;

/// <summary>Every endpoint, found in the running service's routing table rather than listed by hand, refuses
/// missing, expired and forged tokens with 401 and each role it does not name with 403. Sessions signed in by cookie
/// are checked the same way in Accounts/.</summary>
[Collection(RunningService.Name)]
public class AccessTests(ServiceFixture service)
{
    private static readonly string[] AllRoles = ["admin", "agent", "auditor", "mailer", "metrics"];

    private sealed record Endpoint(string Method, string Route, IReadOnlyList<string> Roles, bool Anonymous);

    private IReadOnlyList<Endpoint> Endpoints() =>
        service.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.DisplayName != SecureMail.Api.Web.WebApp.FallbackName)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Endpoint(
                method,
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(a => a.Roles?.Split(',') ?? []).Distinct().ToList(),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .ToList();

    private static string Url(Endpoint endpoint) =>
        endpoint.Route.Replace("{fingerprint}", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
            .Replace("{documentName}", "v1")
            .Replace("{id}", Guid.Empty.ToString())
            .Replace("{articleId}", Guid.Empty.ToString())
            .Replace("{attachmentId}", "1")
            .Replace("{name}", "Support")
            .Replace("{role}", "agent");

    [Fact]
    public void Every_endpoint_states_its_roles_and_only_health_openapi_and_signing_in_are_anonymous()
    {
        var endpoints = Endpoints();

        Assert.Contains(endpoints, e => e.Route == Certificates);
        Assert.All(endpoints.Where(e => e.Anonymous), e => Assert.True(
            e.Route is "/health" || e.Route.StartsWith("/openapi") || e is { Method: "POST", Route: "/api/v1/session" }, $"{e.Method} {e.Route}"));
        Assert.All(endpoints.Where(e => !e.Anonymous), e => Assert.NotEmpty(e.Roles));
    }

    [Fact]
    public async Task No_token_an_expired_token_and_a_forged_token_get_401_everywhere()
    {
        var tokens = new[] { null, service.Tokens.For("admin", lifetime: TimeSpan.FromMinutes(-5)), service.Tokens.For("admin", key: new string('x', 64)) };
        var before = await service.Client("admin").List(Certificates);

        foreach (var endpoint in Endpoints().Where(e => !e.Anonymous))
        foreach (var token in tokens)
        {
            var response = await Send(endpoint, token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint.Method} {endpoint.Route} with {(token is null ? "no" : "a bad")} token: {(int)response.StatusCode}");
        }

        Assert.Equal(before.Count, (await service.Client("admin").List(Certificates)).Count);
    }

    [Fact]
    public async Task Each_role_an_endpoint_does_not_name_gets_403()
    {
        var before = await service.Client("admin").List(Certificates);

        foreach (var endpoint in Endpoints().Where(e => !e.Anonymous))
        foreach (var role in AllRoles.Except(endpoint.Roles))
        {
            var response = await Send(endpoint, service.Tokens.For(role));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint.Method} {endpoint.Route} as {role}: {(int)response.StatusCode}");
        }

        Assert.Equal(before.Count, (await service.Client("admin").List(Certificates)).Count);
    }

    [Fact]
    public async Task Keystore_writes_are_for_admins_and_reads_for_admins_and_auditors()
    {
        var byRoute = Endpoints().ToLookup(e => (e.Method, e.Route));

        Assert.Equal(["admin"], byRoute[("POST", Certificates)].Single().Roles);
        Assert.Equal(["admin"], byRoute[("POST", PgpKeys)].Single().Roles);
        Assert.Equal(["admin", "auditor"], byRoute[("GET", Certificates)].Single().Roles);
        Assert.Equal(["admin"], byRoute[("PUT", SettingsRoute)].Single().Roles);
        Assert.Contains("agent", byRoute[("GET", SettingsRoute)].Single().Roles);
    }

    [Fact]
    public async Task Health_is_anonymous_and_reports_the_database()
    {
        await service.Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.StatusCodeShouldBeOk();
            s.ContentShouldContain("healthy");
        });
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_with_its_roles()
    {
        var document = await service.Host.Server.CreateClient().GetStringAsync("/openapi/v1.json");

        foreach (var endpoint in Endpoints().Where(e => !e.Route.StartsWith("/openapi")))
            Assert.Contains($"\"{endpoint.Route}\"", document);
        Assert.Contains("Requires a signed-in user or bearer token with role: admin", document);
    }

    private async Task<HttpResponseMessage> Send(Endpoint endpoint, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Url(endpoint));
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (endpoint.Method is "POST" or "PUT")
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return await service.Host.Server.CreateClient().SendAsync(request);
    }
}
