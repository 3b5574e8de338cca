using System.Net;
using SecureMail.Reliability.Harness;
using SecureMail.Reliability.Crash;
using SecureMail.TestKit.Polling;
using Xunit.Abstractions;

namespace SecureMail.Reliability.Access;

/// <summary>Promise 6, access: every endpoint of the running service, called with no token, an expired one, a forged
/// one, an unsigned one (401) and each role it does not name (403), with requests that would change something; and nothing changes.</summary>
public class AccessTests(ITestOutputHelper output)
{
    [ReliabilityFact]
    public async Task Every_endpoint_refuses_bad_tokens_and_wrong_roles_and_nothing_changes()
    {
        await using var deployment = await Deployment.StartAsync("access");
        var node = deployment.Node;
        var helpdesk = await Helpdesk.ConfigureAsync(node);
        var identity = await Identities.ImportAsync(helpdesk, node);
        await KillNineTests.Warm(node, helpdesk);
        using var agent = node.Client("agent");
        var opened = await helpdesk.Open(agent, helpdesk.Mailbox("customer"));
        await Helpdesk.Expect(opened, HttpStatusCode.Created);
        var (ticketId, articleId) = await Helpdesk.Ids(opened);
        await Eventually.Until(() => deployment.Store.ArticleIdsOf("article_delivered"), ids => ids.Count == 2, Scale.Wait(TimeSpan.FromSeconds(15)), ids => $"{ids.Count} of 2 delivered");
        await Eventually.Until(() => deployment.Store.ArticleIdsOf("article_content_extracted"), ids => ids.Count == 1, Scale.Wait(TimeSpan.FromSeconds(15)), _ => "the inbound message is not processed");

        var endpoints = await EndpointMatrix.ReadAsync(node);
        var matrix = new EndpointMatrix(helpdesk, ticketId, articleId, identity.Certificate.Fingerprint, identity.PgpKey.Fingerprint);
        var badTokens = new Dictionary<string, string?>
        {
            ["no token"] = null,
            ["an expired token"] = node.Tokens.For("admin", lifetime: TimeSpan.FromMinutes(-5)),
            ["a forged token"] = node.Tokens.For("admin", key: new string('x', 64)),
            ["an unsigned token"] = node.Tokens.Unsigned("admin"),
        };
        var before = await deployment.Store.Fingerprint();
        var tally = new Tally();
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var client = node.Client(null);
        var calls = endpoints.Where(e => e.Roles.Count > 0).SelectMany(endpoint =>
            badTokens.Select(bad => (endpoint, Caller: bad.Key, Token: bad.Value, Status: HttpStatusCode.Unauthorized))
                .Concat(EndpointMatrix.AllRoles.Except(endpoint.Roles).Select(role => (endpoint, Caller: $"role {role}", Token: (string?)node.Tokens.For(role), Status: HttpStatusCode.Forbidden))));
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (call, _) =>
        {
            var (response, outcome) = await tally.Send(() => client.SendAsync(matrix.Request(call.endpoint, call.Token)));
            if (response?.StatusCode != call.Status)
                wrong.Add($"{call.endpoint.Method} {call.endpoint.Route} with {call.Caller}: {outcome}, expected {(int)call.Status}");
        });
        var after = await deployment.Store.Fingerprint();

        new Figures(output, "access").Report(
            $"{endpoints.Count(e => e.Roles.Count > 0)} endpoints ({endpoints.Count(e => e.Roles.Count == 0)} anonymous left out): {tally}; store unchanged: {before == after}");
        Assert.True(endpoints.Count(e => e.Roles.Count > 0) >= 30, $"Only {endpoints.Count} endpoints found in the OpenAPI document.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, after);
        // The digest does see a change a permitted caller makes.
        await Helpdesk.Expect(await client.SendAsync(matrix.Request(endpoints.Single(e => e is { Method: "PUT", Route: "/api/v1/settings/secure-mailing" }), node.Tokens.For("admin"))), HttpStatusCode.OK);
        Assert.NotEqual(after, await deployment.Store.Fingerprint());
    }
}
