using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Incoming mail as the mailer posts it, and the article it becomes once processed.</summary>
public sealed class Mailroom(ServiceFixture service)
{
    private readonly HttpClient mailer = service.Client("mailer");
    private readonly HttpClient agent = service.Client("agent");

    public async Task<(Guid TicketId, Guid ArticleId)> Ingest(byte[] raw)
    {
        var response = await mailer.PostBytes("/api/v1/inbound", raw, "message/rfc822");
        var body = await response.Json(HttpStatusCode.Accepted);
        return (Guid.Parse((string)body["ticketId"]!), Guid.Parse((string)body["articleId"]!));
    }

    /// <summary>The article once it has a security status, or once <paramref name="until"/> holds (30 s at most).</summary>
    public async Task<JsonNode> Processed(Guid ticketId, Guid articleId, Func<JsonNode, bool>? until = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var ticket = await (await agent.GetAsync($"/api/v1/tickets/{ticketId}")).Json(HttpStatusCode.OK);
            var article = ticket["articles"]!.AsArray().Single(a => (string)a!["id"]! == articleId.ToString())!;
            if ((article["security"] is not null && (until is null || until(article))) || DateTime.UtcNow > deadline)
                return article;
            await Task.Delay(100);
        }
    }

    /// <summary>openssl cms -sign | openssl cms -encrypt -aes256 (or another cipher), with RFC 5322 headers.</summary>
    public static byte[] SignedAndEncrypted(OpenSslWorkspace openssl, string from, string to, TestCertificate signer, TestCertificate recipient, string text,
        bool withoutCertificate = false, string cipher = "-aes256")
    {
        openssl.Write("body.txt", Encoding.UTF8.GetBytes(text));
        openssl.Write("signer.pem", Encoding.ASCII.GetBytes(signer.Pem));
        openssl.Write("signer.key", Encoding.ASCII.GetBytes(signer.PrivateKeyPem));
        openssl.Write("recipient.pem", Encoding.ASCII.GetBytes(recipient.Pem));
        openssl.Run(["cms", "-sign", "-in", "body.txt", "-text", "-signer", "signer.pem", "-inkey", "signer.key", "-out", "signed.eml",
            .. withoutCertificate ? new[] { "-nocerts" } : []]);
        openssl.Run("cms", "-encrypt", cipher, "-in", "signed.eml", "-from", from, "-to", to, "-subject", "Secret question", "-out", "mail.eml", "recipient.pem");
        return openssl.Read("mail.eml");
    }
}
