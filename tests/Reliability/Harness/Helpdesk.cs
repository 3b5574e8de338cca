using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SecureMail.Reliability.Harness;

/// <summary>A group with its own address, set up through the API as an admin would, and the requests agents send.</summary>
public sealed class Helpdesk
{
    private Helpdesk(string name, string domain)
    {
        Name = name;
        Domain = domain;
    }

    public string Name { get; }
    public string Domain { get; }
    public string Address => $"support@{Domain}";

    public string Mailbox(string user) => $"{user}@{Domain}";

    public static async Task<Helpdesk> ConfigureAsync(ServiceNode node)
    {
        var helpdesk = new Helpdesk($"Support {Guid.NewGuid():N}"[..16], $"{Guid.NewGuid():N}.example.com");
        using var admin = node.Client("admin");
        await Expect(await admin.PutAsJsonAsync("/api/v1/settings/secure-mailing", new { smime = new { enabled = true }, pgp = new { enabled = true } }), HttpStatusCode.OK);
        await Expect(await admin.PutAsJsonAsync($"/api/v1/groups/{Uri.EscapeDataString(helpdesk.Name)}", new { emailAddress = helpdesk.Address }), HttpStatusCode.OK);
        return helpdesk;
    }

    public Task<HttpResponseMessage> Open(HttpClient agent, string customer, string body = "Dear customer,\nhere is the answer.\n", object? security = null,
        object[]? attachments = null) =>
        agent.PostAsJsonAsync("/api/v1/tickets", new { group = Name, customer, to = new[] { customer }, subject = "Your request", body, security, attachments });

    public static Task<HttpResponseMessage> Reply(HttpClient agent, Guid ticketId, string to, string body, long? expectedVersion) =>
        agent.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/articles", new { to = new[] { to }, body, expectedVersion });

    public static async Task<JsonNode> Ticket(HttpClient client, Guid ticketId) =>
        await Expect(await client.GetAsync($"/api/v1/tickets/{ticketId}"), HttpStatusCode.OK);

    /// <summary>The ids a 201 (compose) or 202 (inbound) answers with.</summary>
    public static async Task<(Guid TicketId, Guid ArticleId)> Ids(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (Guid.Parse((string)body["ticketId"]!), Guid.Parse((string)body["articleId"]!));
    }

    public static async Task<JsonNode> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
