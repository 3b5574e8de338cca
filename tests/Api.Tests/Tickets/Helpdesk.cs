using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Outgoing;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Polling;
using SecureMail.TestKit.Smime;
using SecureMail.TestKit.Smtp;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>A group with its own address and keys, set up through the API as an admin would.</summary>
public sealed class Helpdesk(ServiceFixture service)
{
    public HttpClient Admin { get; } = service.Client("admin");
    public HttpClient Agent { get; } = service.Client("agent");
    public HttpClient Mailer { get; } = service.Client("mailer");
    public string Name { get; } = $"Support {Guid.NewGuid():N}";
    public string Domain { get; } = $"{Guid.NewGuid():N}.example.com";
    public string Address => $"support@{Domain}";

    public string Mailbox(string user) => $"{user}@{Domain}";

    public async Task Configure(object? defaults = null)
    {
        await (await Admin.PutAsJsonAsync(SettingsRoute, new { smime = new { enabled = true }, pgp = new { enabled = true } })).Json(HttpStatusCode.OK);
        await (await Admin.PutAsJsonAsync($"/api/v1/groups/{Uri.EscapeDataString(Name)}", new { emailAddress = Address, defaults })).Json(HttpStatusCode.OK);
    }

    /// <summary>An S/MIME identity; with <paramref name="privateKey"/> its PKCS#12 is imported, else its certificate only.</summary>
    public async Task<TestCertificate> Certificate(string email, bool privateKey = false, CertificateOptions? options = null)
    {
        var certificate = TestCertificates.SelfSigned((options ?? CertificateOptions.For(email)) with { Key = TestKeys.Generate() });
        var response = privateKey
            ? await Admin.PostFile(PrivateKeys, certificate.ToPkcs12("pw"), "password", "pw")
            : await Admin.PostText(Certificates, certificate.Pem);
        await response.Json(HttpStatusCode.Created);
        return certificate;
    }

    public async Task<PgpTestKey> PgpKey(string email, bool secret = false)
    {
        var key = PgpTestKeys.Create("Someone", email);
        var response = secret
            ? await Admin.PostFile(PgpKeys, Encoding.ASCII.GetBytes(key.SecretKeyArmored()), "passphrase", key.Passphrase)
            : await Admin.PostText(PgpKeys, key.PublicKeyArmored());
        await response.Json(HttpStatusCode.Created);
        return key;
    }

    public Task<HttpResponseMessage> Compose(IReadOnlyList<string> to, object? security, IReadOnlyList<string>? cc = null, object[]? attachments = null) =>
        Agent.PostAsJsonAsync("/api/v1/tickets", new
        {
            group = Name, customer = to[0], to, cc = cc ?? [], subject = "Your request", body = "Dear customer,\nhere is the answer.\n",
            attachments = attachments ?? [], security,
        });

    /// <summary>The ids a 201 answers with, and the Message-ID the service gave the article, read from the message it stored.</summary>
    public async Task<(Guid TicketId, Guid ArticleId, string MessageId)> Composed(HttpResponseMessage response)
    {
        var body = await response.Json(HttpStatusCode.Created);
        var (ticketId, articleId) = (Guid.Parse((string)body["ticketId"]!), Guid.Parse((string)body["articleId"]!));
        var raw = await Agent.GetByteArrayAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/raw");
        var messageId = RawMime.Header(raw, "Message-ID")?.Trim('<', '>');
        Assert.False(string.IsNullOrEmpty(messageId), $"The stored message of article {articleId} has no Message-ID.");
        return (ticketId, articleId, messageId!);
    }

    /// <summary>Every message the SMTP server received from or for this helpdesk's domain, oldest first.</summary>
    public async Task<System.Text.Json.Nodes.JsonArray> Options(params string[] to) =>
        (await (await Agent.PostAsJsonAsync("/api/v1/security-options", new { group = Name, to })).Json(HttpStatusCode.OK)).AsArray();

    public IReadOnlyList<ReceivedMail> Mail() =>
        service.Smtp.Received().Where(m => m.MailFrom == Address || m.Recipients.Any(r => r.EndsWith($"@{Domain}", StringComparison.Ordinal))).ToList();

    public async Task<JsonNode> Ticket(Guid id) => await (await Agent.GetAsync($"/api/v1/tickets/{id}")).Json(HttpStatusCode.OK);

    public async Task<(Guid TicketId, Guid ArticleId)> Ingest(byte[] raw)
    {
        var response = await Mailer.PostBytes("/api/v1/inbound", raw, "message/rfc822");
        var body = await response.Json(HttpStatusCode.Accepted);
        return (Guid.Parse((string)body["ticketId"]!), Guid.Parse((string)body["articleId"]!));
    }

    public Task<JsonNode> Processed((Guid TicketId, Guid ArticleId) article) => Processed(article.TicketId, article.ArticleId);

    /// <summary>Waits until the incoming article's security process has run, and <paramref name="until"/> holds (30 s at most).</summary>
    public Task<JsonNode> Processed(Guid ticketId, Guid articleId, Func<JsonNode, bool>? until = null) =>
        Eventually.Until(() => ArticleOf(ticketId, articleId), article => article["security"] is not null && (until is null || until(article)),
            TimeSpan.FromSeconds(30), article => $"the security process of article {articleId} to conclude as expected; it shows {article["security"]?.ToJsonString() ?? "none yet"}");

    /// <summary>Waits until the article's delivery status is no longer <paramref name="until"/> (30 s at most).</summary>
    public Task<JsonNode> Article(Guid ticketId, Guid articleId, string until = "pending") =>
        Eventually.Until(() => ArticleOf(ticketId, articleId), article => (string)article["delivery"]!["status"]! != until,
            TimeSpan.FromSeconds(30), article => $"the delivery of article {articleId} to leave \"{until}\"; it is {article["delivery"]!.ToJsonString()}");

    private async Task<JsonNode> ArticleOf(Guid ticketId, Guid articleId) =>
        (await Ticket(ticketId))["articles"]!.AsArray().Single(a => (string)a!["id"]! == articleId.ToString())!;
}
