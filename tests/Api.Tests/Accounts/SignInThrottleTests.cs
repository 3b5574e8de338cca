using System.Net;
using System.Text.Json.Nodes;
using Alba;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Accounts;

/// <summary>Repeated failed sign-ins: past 5 in 15 minutes for one name, or 20 from one client address, the answer is
/// 429 with Retry-After, even for the right password, until the failures age out.</summary>
[Collection(RunningService.Name)]
public class SignInThrottleTests(ServiceFixture service)
{
    [Fact]
    public async Task Five_failures_for_one_name_refuse_it_from_any_address_even_with_the_right_password()
    {
        var (name, password) = await Accounts.Create(service, "agent");
        var bystander = await Accounts.Create(service, "agent");

        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.Equal(401, (await SignIn($"10.0.1.{attempt}", name, "wrong password " + attempt)).Status);
        var refused = await SignIn("10.0.1.99", name.ToUpperInvariant(), password);

        Assert.Equal(429, refused.Status);
        Assert.InRange(int.Parse(refused.RetryAfter!), 1, 15 * 60);
        Assert.Equal(429, (int)refused.Problem["status"]!);
        Assert.Contains("try again in", (string)refused.Problem["detail"]!);
        Assert.Equal(200, (await SignIn("10.0.1.99", bystander.Name, bystander.Password)).Status);
    }

    [Fact]
    public async Task Twenty_failures_from_one_address_refuse_it_for_any_name()
    {
        var (name, password) = await Accounts.Create(service, "agent");

        for (var attempt = 1; attempt <= 20; attempt++)
            Assert.Equal(401, (await SignIn("10.0.2.1", Accounts.NewName(), "wrong password")).Status);
        var refused = await SignIn("10.0.2.1", name, password);

        Assert.Equal(429, refused.Status);
        Assert.NotNull(refused.RetryAfter);
        Assert.Equal(200, (await SignIn("10.0.2.2", name, password)).Status);
    }

    private sealed record Answer(int Status, string? RetryAfter, JsonNode Problem);

    private async Task<Answer> SignIn(string address, string name, string password)
    {
        var result = await service.Host.Scenario(s =>
        {
            s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address));
            s.Post.Json(new { name, password }).ToUrl(Browser.Session);
            s.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        return new Answer(response.StatusCode, response.Headers.RetryAfter.FirstOrDefault(), JsonNode.Parse(await result.ReadAsTextAsync())!);
    }
}
