using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureMail.Reliability.Harness;
using SecureMail.TestKit.Smime;

namespace SecureMail.Reliability.Access;

/// <param name="Roles">Empty for an anonymous endpoint.</param>
public sealed record Endpoint(string Method, string Route, IReadOnlyList<string> Roles);

/// <summary>The running service's endpoints as its OpenAPI document lists them (Api.Tests proves the document lists every
/// route of the routing table), and requests to them that would change something if they were let through: real ids
/// in the routes and valid bodies.</summary>
public sealed partial class EndpointMatrix(Helpdesk helpdesk, Guid ticketId, Guid articleId, string certificate, string pgpKey)
{
    public static readonly string[] AllRoles = ["admin", "agent", "auditor", "mailer", "metrics"];

    public static async Task<IReadOnlyList<Endpoint>> ReadAsync(ServiceNode node)
    {
        using var anonymous = node.Client(null);
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        return document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(operation => operation.Key is "get" or "post" or "put" or "delete" or "patch")
                .Select(operation => new Endpoint(operation.Key.ToUpperInvariant(), path.Key,
                    RolesText().Match((string?)operation.Value!["description"] ?? "") is { Success: true } roles
                        ? roles.Groups[1].Value.Split(" or ").Select(r => r.Trim()).ToList()
                        : [])))
            .ToList();
    }

    public HttpRequestMessage Request(Endpoint endpoint, string? token)
    {
        var url = endpoint.Route
            .Replace("{id}", ticketId.ToString()).Replace("{articleId}", articleId.ToString()).Replace("{name}", endpoint.Route.Contains("/projections/") ? "TicketDetails" : Uri.EscapeDataString(helpdesk.Name))
            .Replace("{fingerprint}", endpoint.Route.Contains("/pgp/") ? pgpKey : certificate).Replace("{role}", "admin");
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url) { Content = Body(endpoint) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private HttpContent? Body(Endpoint endpoint) => (endpoint.Method, endpoint.Route) switch
    {
        ("GET" or "DELETE", _) => null,
        (_, "/api/v1/inbound") => Bytes(InboundMail.Plain(helpdesk.Mailbox("intruder"), helpdesk.Address, "Let me in", "..."), "message/rfc822"),
        (_, "/api/v1/tickets") => JsonContent.Create(new { group = helpdesk.Name, to = new[] { helpdesk.Mailbox("victim") }, subject = "Intrusion", body = "..." }),
        (_, "/api/v1/tickets/{id}/articles") => JsonContent.Create(new { to = new[] { helpdesk.Mailbox("victim") }, body = "..." }),
        (_, "/api/v1/settings/secure-mailing") => JsonContent.Create(new { smime = new { enabled = false }, pgp = new { enabled = false } }),
        (_, "/api/v1/groups/{name}") => JsonContent.Create(new { emailAddress = helpdesk.Mailbox("hijacked") }),
        (_, "/api/v1/keystore/smime/certificates") => Bytes(Encoding.ASCII.GetBytes(TestCertificates.SelfSigned(helpdesk.Mailbox("planted")).Pem), "application/x-pem-file"),
        (_, "/api/v1/keystore/smime/trust-anchors") => Bytes(TestCa.Create($"Planted CA {Guid.NewGuid():N}").Certificate.PemBytes, "application/x-pem-file"),
        (_, "/api/v1/keystore/smime/crls") => Bytes(TestCa.Create().Revoke().PemBytes, "application/x-pem-file"),
        (_, "/api/v1/keystore/smime/private-keys") => Identities.Form(TestCertificates.SelfSigned(helpdesk.Mailbox("planted-key")).ToPkcs12("pw"), "password", "pw"),
        (_, "/api/v1/keystore/pgp/keys") => Bytes(Encoding.ASCII.GetBytes(SecureMail.TestKit.Pgp.PgpTestKeys.Create("Planted", helpdesk.Mailbox("planted-pgp")).PublicKeyArmored()), "text/plain"),
        _ => JsonContent.Create(new { }),
    };

    private static ByteArrayContent Bytes(byte[] body, string type)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    [GeneratedRegex("Requires a signed-in user or bearer token with role: ([^.]+)\\.")]
    private static partial Regex RolesText();
}
