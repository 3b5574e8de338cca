using System.Net;
using System.Net.Http.Json;
using SecureMail.Api.Tests.Support;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Accounts;

/// <summary>Admins manage accounts; what they change reaches the sessions already signed in on their next request.</summary>
[Collection(RunningService.Name)]
public class UserAdministrationTests(ServiceFixture service)
{
    private static readonly object AgentsQuestion = new { group = "Support", to = new[] { "customer@example.com" } };

    private HttpClient Admin => service.Client("admin");

    [Fact]
    public async Task A_new_account_is_listed_and_a_taken_name_in_any_case_is_409()
    {
        var name = Accounts.NewName("Bob");

        var created = await (await Admin.PostAsJsonAsync(Accounts.Users, new { name, role = "auditor", password = Accounts.NewPassword() })).Json(HttpStatusCode.Created);
        var taken = await Admin.PostAsJsonAsync(Accounts.Users, new { name = $" {name.ToLowerInvariant()} ", role = "agent", password = Accounts.NewPassword() });

        Assert.Contains(name, await taken.Problem(HttpStatusCode.Conflict));
        var listed = Assert.Single(await Admin.List(Accounts.Users), u => u!.Value<string>("name") == name)!;
        Assert.Equal(created.ToJsonString(), listed.ToJsonString());
        Assert.Equal(["auditor"], listed["roles"]!.AsArray().Select(r => (string)r!));
        Assert.False(listed.Value<bool>("disabled"));
        Assert.True(Guid.TryParse(listed.Value<string>("id"), out _));
        Assert.True(DateTimeOffset.TryParse(listed.Value<string>("createdAt"), out _));
    }

    [Theory]
    [InlineData("short-pass1", "agent", "12 characters")]
    [InlineData(null, "agent", "12 characters")]
    [InlineData("long enough password", "mailer", "admin, agent, auditor")]
    [InlineData("long enough password", null, "admin, agent, auditor")]
    public async Task A_weak_password_or_a_role_people_cannot_have_is_422(string? password, string? role, string says)
    {
        var response = await Admin.PostAsJsonAsync(Accounts.Users, new { name = Accounts.NewName(), role, password });

        Assert.Contains(says, await response.Problem(HttpStatusCode.UnprocessableEntity));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("a/b")]
    [InlineData("name-far-too-long-for-any-account-name-at-all-in-this-service-xyz")]
    public async Task A_bad_name_is_422(string name)
    {
        var response = await Admin.PostAsJsonAsync(Accounts.Users, new { name, role = "agent", password = Accounts.NewPassword() });

        await response.Problem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_disabled_accounts_cookie_is_refused_at_once_and_enabling_lets_it_sign_in_again()
    {
        var (name, password) = await Accounts.Create(service, "agent");
        var agent = await Browser.SignedIn(service, name, password);

        var disabled = await (await Admin.PostAsync($"{Accounts.Users}/{name}/disable", null)).Json(HttpStatusCode.OK);

        Assert.True(disabled.Value<bool>("disabled"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.Client.GetAsync("/api/v1/tickets?customer=x@example.com")).StatusCode);
        await (await new Browser(service).SignIn(name, password)).Problem(HttpStatusCode.Unauthorized);
        await (await Admin.PostAsync($"{Accounts.Users}/{name}/enable", null)).Json(HttpStatusCode.OK);
        var again = await Browser.SignedIn(service, name, password);
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/api/v1/tickets?customer=x@example.com")).StatusCode);
    }

    [Fact]
    public async Task A_granted_or_revoked_role_takes_effect_on_the_cookie_already_signed_in()
    {
        var (name, password) = await Accounts.Create(service, "agent");
        var user = await Browser.SignedIn(service, name, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync(Certificates)).StatusCode);

        var granted = await (await Admin.PutAsync($"{Accounts.Users}/{name}/roles/auditor", null)).Json(HttpStatusCode.OK);
        var asAuditor = await user.Client.GetAsync(Certificates);
        var asAgent = await user.Send(HttpMethod.Post, "/api/v1/security-options", AgentsQuestion);
        var revoked = await (await Admin.DeleteAsync($"{Accounts.Users}/{name}/roles/agent")).Json(HttpStatusCode.OK);
        var asAgentNoMore = await user.Send(HttpMethod.Post, "/api/v1/security-options", AgentsQuestion);

        Assert.Equal(["agent", "auditor"], granted["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(HttpStatusCode.OK, asAuditor.StatusCode);
        Assert.Contains(asAgent.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity });
        Assert.Equal(["auditor"], revoked["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(HttpStatusCode.Forbidden, asAgentNoMore.StatusCode);
        Assert.Equal(["auditor"], (await (await user.Client.GetAsync(Browser.Session)).Json(HttpStatusCode.OK))["roles"]!.AsArray().Select(r => (string)r!));
        await (await Admin.PutAsync($"{Accounts.Users}/{name}/roles/root", null)).Problem(HttpStatusCode.UnprocessableEntity);
        await (await Admin.PutAsync($"{Accounts.Users}/{Accounts.NewName()}/roles/agent", null)).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_setting_a_password_ends_the_accounts_sessions()
    {
        var (name, password) = await Accounts.Create(service, "agent");
        var user = await Browser.SignedIn(service, name, password);
        var newPassword = Accounts.NewPassword();

        var response = await Admin.PutAsJsonAsync($"{Accounts.Users}/{name}/password", new { password = newPassword });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync(Browser.Session)).StatusCode);
        await Browser.SignedIn(service, name, newPassword);
        await (await Admin.PutAsJsonAsync($"{Accounts.Users}/{name}/password", new { password = "short" })).Problem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task No_event_holds_a_password_or_its_hash()
    {
        var (name, password) = await Accounts.Create(service, "agent");
        var newPassword = Accounts.NewPassword();
        await Browser.SignedIn(service, name, password);
        var firstHash = await Hash(name);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PutAsJsonAsync($"{Accounts.Users}/{name}/password", new { password = newPassword })).StatusCode);
        var secondHash = await Hash(name);

        var events = await Database.Scalar<string>(
            $"select string_agg(data::text, ' ') from {ServiceFixture.Schema}.mt_events where type like 'user_%'");

        Assert.Contains(name, events);
        Assert.NotEqual(firstHash, secondHash);
        foreach (var secret in new[] { password, newPassword, firstHash, secondHash, firstHash[..24], secondHash[..24] })
            Assert.DoesNotContain(secret, events);
    }

    private async Task<string> Hash(string name)
    {
        var id = (await (await Admin.GetAsync($"{Accounts.Users}/{name}")).Json(HttpStatusCode.OK)).Value<string>("id");
        return await Database.Scalar<string>($"select data->>'hash' from {ServiceFixture.Schema}.mt_doc_userpassword where id = '{id}'");
    }
}
