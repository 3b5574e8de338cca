using System.Net;
using System.Net.Http.Json;
using SecureMail.Api.Tests.Support;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Accounts;

/// <summary>Signing in with a local account: the session cookie, the roles it carries, the anti-forgery header that
/// changing requests made with it need, and the answers for a wrong sign-in.</summary>
[Collection(RunningService.Name)]
public class SessionTests(ServiceFixture service)
{
    [Fact]
    public async Task Signing_in_sets_an_http_only_same_site_strict_cookie_and_answers_name_roles_and_token()
    {
        var (name, password) = await Accounts.Create(service, "agent");
        var browser = new Browser(service);

        var response = await browser.SignIn(name.ToUpperInvariant(), password);

        var session = await response.Json(HttpStatusCode.OK);
        Assert.Equal(name, session.Value<string>("name"));
        Assert.Equal(["agent"], session["roles"]!.AsArray().Select(r => (string)r!));
        Assert.False(string.IsNullOrEmpty(session.Value<string>("antiforgeryToken")));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("securemail-session="));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain("secure", attributes);
    }

    [Fact]
    public async Task A_cookie_carries_the_accounts_roles_and_no_more()
    {
        var (name, password) = await Accounts.Create(service, "agent");
        var agent = await Browser.SignedIn(service, name, password);

        Assert.Equal(HttpStatusCode.OK, (await agent.Client.GetAsync("/api/v1/tickets?customer=nobody@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync(Certificates)).StatusCode);
        var session = await (await agent.Client.GetAsync(Browser.Session)).Json(HttpStatusCode.OK);
        Assert.Equal(name, session.Value<string>("name"));
        Assert.False(string.IsNullOrEmpty(session.Value<string>("antiforgeryToken")));
    }

    [Fact]
    public async Task A_changing_request_by_cookie_needs_the_anti_forgery_header_and_without_it_changes_nothing()
    {
        var (name, password) = await Accounts.Create(service, "admin");
        var admin = await Browser.SignedIn(service, name, password);
        var (otherName, otherPassword) = await Accounts.Create(service, "admin");
        var other = await Browser.SignedIn(service, otherName, otherPassword);
        var group = $"Csrf{Guid.NewGuid():N}";
        var body = new { emailAddress = $"{group}@example.com" };

        var missing = await admin.Send(HttpMethod.Put, $"/api/v1/groups/{group}", body, token: null);
        var wrong = await admin.Send(HttpMethod.Put, $"/api/v1/groups/{group}", body, token: "not-a-token");
        var anothers = await admin.Send(HttpMethod.Put, $"/api/v1/groups/{group}", body, token: other.Token);

        foreach (var refused in new[] { missing, wrong, anothers })
            Assert.Equal("The anti-forgery header X-CSRF-Token is missing or invalid.", await refused.Problem(HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/api/v1/groups/{group}")).StatusCode);
        await (await admin.Send(HttpMethod.Put, $"/api/v1/groups/{group}", body)).Json(HttpStatusCode.OK);
        await (await admin.Client.GetAsync($"/api/v1/groups/{group}")).Json(HttpStatusCode.OK);
        Assert.Equal(name, await Database.Scalar<string>(
            $"select data->>'configuredBy' from {ServiceFixture.Schema}.mt_events where type = 'group_configured' and data->>'name' = '{group}'"));
    }

    [Fact]
    public async Task A_bearer_token_needs_no_anti_forgery_header()
    {
        var group = $"Bearer{Guid.NewGuid():N}";

        var response = await service.Client("admin").PutAsJsonAsync($"/api/v1/groups/{group}", new { emailAddress = $"{group}@example.com" });

        await response.Json(HttpStatusCode.OK);
        Assert.Null((await (await service.Client("admin").GetAsync(Browser.Session)).Json(HttpStatusCode.OK))["antiforgeryToken"]);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_name_and_a_disabled_account_get_one_and_the_same_401()
    {
        var (name, password) = await Accounts.Create(service, "agent");
        var (disabled, disabledPassword) = await Accounts.Create(service, "agent");
        await (await service.Client("admin").PostAsync($"{Accounts.Users}/{disabled}/disable", null)).Json(HttpStatusCode.OK);
        var browser = new Browser(service);

        var answers = new[]
        {
            await (await browser.SignIn(name, password + "x")).Problem(HttpStatusCode.Unauthorized),
            await (await browser.SignIn(Accounts.NewName(), password)).Problem(HttpStatusCode.Unauthorized),
            await (await browser.SignIn(disabled, disabledPassword)).Problem(HttpStatusCode.Unauthorized),
        };

        Assert.Single(answers.Distinct());
        Assert.Empty(browser.Cookies.GetAllCookies());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync(Browser.Session)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.PostAsJsonAsync(Browser.Session, new { name })).StatusCode);
    }

    [Fact]
    public async Task Signing_out_clears_the_cookie()
    {
        var (name, password) = await Accounts.Create(service, "auditor");
        var browser = await Browser.SignedIn(service, name, password);

        var response = await browser.Send(HttpMethod.Delete, Browser.Session);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync(Browser.Session)).StatusCode);
    }

    [Fact]
    public async Task Changing_ones_own_password_keeps_this_session_and_ends_the_others()
    {
        var (name, password) = await Accounts.Create(service, "agent");
        var browser = await Browser.SignedIn(service, name, password);
        var elsewhere = await Browser.SignedIn(service, name, password);
        var newPassword = Accounts.NewPassword();

        var wrong = await browser.Send(HttpMethod.Put, Browser.Session + "/password", new { password = newPassword, currentPassword = "not it at all" });
        var weak = await browser.Send(HttpMethod.Put, Browser.Session + "/password", new { password = "short", currentPassword = password });
        var changed = await browser.Send(HttpMethod.Put, Browser.Session + "/password", new { password = newPassword, currentPassword = password });

        Assert.Equal("The current password is wrong.", await wrong.Problem(HttpStatusCode.UnprocessableEntity));
        await weak.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await (await browser.Client.GetAsync(Browser.Session)).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.Client.GetAsync(Browser.Session)).StatusCode);
        await (await new Browser(service).SignIn(name, password)).Problem(HttpStatusCode.Unauthorized);
        await (await new Browser(service).SignIn(name, newPassword)).Json(HttpStatusCode.OK);
    }
}
