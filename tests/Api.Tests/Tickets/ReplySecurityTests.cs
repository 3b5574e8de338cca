using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>A reply with security: it is encrypted to the To and Cc the agent sends it to, plus the group's own key, and
/// security options for the reply count exactly those recipients.</summary>
[Collection(RunningService.Name)]
public class ReplySecurityTests(ServiceFixture service)
{
    private static readonly object SignAndEncrypt = new { type = "SMIME", sign = true, encrypt = true };
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task A_signed_and_encrypted_reply_is_encrypted_to_its_to_and_cc_and_the_group_and_nobody_else()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var bob = await helpdesk.Certificate(helpdesk.Mailbox("bob"));
        var carol = await helpdesk.Certificate(helpdesk.Mailbox("carol"));
        var ticketId = await OpenTicketFor(helpdesk.Mailbox("alice"));

        var options = await Options(ticketId, [helpdesk.Mailbox("bob")], [helpdesk.Mailbox("carol")]);
        var (_, _, messageId) = await helpdesk.Composed(await Reply(ticketId, [helpdesk.Mailbox("bob")], [helpdesk.Mailbox("carol")], SignAndEncrypt));

        Assert.Equal($"The certificates for {helpdesk.Mailbox("bob")}, {helpdesk.Mailbox("carol")} were found.", (string)options["message"]!);
        var mail = await service.Delivered(messageId);
        Assert.Equal([helpdesk.Mailbox("bob"), helpdesk.Mailbox("carol")], mail.Recipients.Order());
        using var openssl = new OpenSslWorkspace();
        openssl.Write("mail.eml", mail.Raw);
        Assert.Equal(3, Regex.Matches(openssl.Run("cms", "-cmsout", "-print", "-in", "mail.eml"), @"\bd\.ktri:").Count);
        foreach (var (reader, name) in new[] { (bob, "bob"), (carol, "carol"), (group, "group") })
            Assert.Contains("One more thing.", Decrypt(openssl, reader, name));
        Assert.Throws<InvalidOperationException>(() => Decrypt(openssl, alice, "alice"));
    }

    public static TheoryData<string> Replies() =>
        ["every reader has a certificate", "a cc without a certificate", "the customer, left out, has no certificate"];

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Security_options_for_a_reply_say_what_compose_then_does(string reply)
    {
        await helpdesk.Configure();
        await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        await helpdesk.Certificate(helpdesk.Mailbox("bob"));
        if (reply != "the customer, left out, has no certificate")
            await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var ticketId = await OpenTicketFor(helpdesk.Mailbox("alice"));
        string[] to = reply == "every reader has a certificate" ? [helpdesk.Mailbox("alice"), helpdesk.Mailbox("bob")] : [helpdesk.Mailbox("bob")];
        string[] cc = reply == "a cc without a certificate" ? [helpdesk.Mailbox("dave")] : [];

        var options = await Options(ticketId, to, cc);
        var composed = await Reply(ticketId, to, cc, SignAndEncrypt);

        var possible = reply != "a cc without a certificate";
        Assert.Equal(possible, (bool)options["possible"]!);
        if (possible)
        {
            await composed.Json(HttpStatusCode.Created);
            return;
        }
        Assert.Equal($"The certificate for {helpdesk.Mailbox("dave")} was not found.", (string)options["message"]!);
        Assert.Equal($"Cannot encrypt with S/MIME: {options["message"]}", await composed.Problem(HttpStatusCode.UnprocessableEntity));
    }

    private async Task<Guid> OpenTicketFor(string customer) => (await helpdesk.Composed(await helpdesk.Compose([customer], null))).TicketId;

    /// <summary>The S/MIME Encrypt button's answer for a reply on the ticket.</summary>
    private async Task<JsonNode> Options(Guid ticketId, string[] to, string[] cc) =>
        (await (await helpdesk.Agent.PostAsJsonAsync("/api/v1/security-options", new { ticketId, to, cc })).Json(HttpStatusCode.OK))
        .AsArray().Single(o => (string)o!["type"]! == "SMIME")!["encrypt"]!;

    private Task<HttpResponseMessage> Reply(Guid ticketId, string[] to, string[] cc, object security) =>
        helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/articles", new { to, cc, body = "One more thing.", security });

    /// <summary>openssl as this reader's mail client: only a RecipientInfo for their certificate opens the message.</summary>
    private static string Decrypt(OpenSslWorkspace openssl, TestCertificate reader, string name)
    {
        openssl.Write($"{name}.pem", reader.PemBytes);
        openssl.Write($"{name}.key", Encoding.ASCII.GetBytes(reader.PrivateKeyPem));
        openssl.Run("cms", "-decrypt", "-in", "mail.eml", "-recip", $"{name}.pem", "-inkey", $"{name}.key", "-out", $"{name}.txt");
        return Encoding.UTF8.GetString(openssl.Read($"{name}.txt"));
    }
}
