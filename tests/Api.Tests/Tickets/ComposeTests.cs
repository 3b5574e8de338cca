using System.Net;
using System.Net.Http.Json;
using System.Text;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Compose through the API, deliver through a real SMTP server, read the delivered mail with openssl and gpg.</summary>
[Collection(RunningService.Name)]
public class ComposeTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task A_signed_and_encrypted_smime_article_to_two_recipients_is_delivered_and_read_by_openssl()
    {
        await helpdesk.Configure();
        var signer = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var bob = await helpdesk.Certificate(helpdesk.Mailbox("bob"));

        var (ticketId, articleId, messageId) = await helpdesk.Composed(await helpdesk.Compose([alice.Emails()], new { type = "SMIME", sign = true, encrypt = true },
            cc: [bob.Emails()], attachments: [new { fileName = "note.txt", contentType = "text/plain", base64 = Convert.ToBase64String("attached"u8.ToArray()) }]));

        var mail = await service.Delivered(messageId);
        Assert.Equal(helpdesk.Address, mail.MailFrom);
        Assert.Equal([alice.Emails(), bob.Emails()], mail.Recipients.Order());
        using var openssl = new OpenSslWorkspace();
        openssl.Write("mail.eml", mail.Raw);
        foreach (var (recipient, name) in new[] { (alice, "alice"), (bob, "bob") })
        {
            openssl.Write($"{name}.pem", Encoding.ASCII.GetBytes(recipient.Pem));
            openssl.Write($"{name}.key", Encoding.ASCII.GetBytes(recipient.PrivateKeyPem));
            openssl.Run("cms", "-decrypt", "-in", "mail.eml", "-recip", $"{name}.pem", "-inkey", $"{name}.key", "-out", $"{name}.signed");
            openssl.Write("signer.pem", Encoding.ASCII.GetBytes(signer.Pem));
            openssl.Run("cms", "-verify", "-in", $"{name}.signed", "-CAfile", "signer.pem", "-out", $"{name}.txt");
            var plaintext = Encoding.UTF8.GetString(openssl.Read($"{name}.txt"));
            Assert.Contains("here is the answer.", plaintext);
            Assert.Contains("filename=note.txt", plaintext);
        }
        Assert.Contains("aes-256-cbc", openssl.Run("cms", "-cmsout", "-print", "-in", "mail.eml"));

        var article = await helpdesk.Article(ticketId, articleId);
        Assert.Equal("delivered", (string)article["delivery"]!["status"]!);
        Assert.Equal("signed", (string)article["security"]!["signature"]!["status"]!);
        Assert.Equal(signer.Fingerprint, (string)article["security"]!["signature"]!["signer"]!["fingerprint"]!);
        Assert.Equal("encrypted", (string)article["security"]!["encryption"]!["status"]!);
        Assert.Equal(["note.txt"], article["attachments"]!.AsArray().Select(a => (string)a!["fileName"]!));
        var raw = await helpdesk.Agent.GetByteArrayAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/raw");
        Assert.Equal(mail.Raw, raw);
    }

    [Fact]
    public async Task A_signed_and_encrypted_pgp_article_is_read_and_verified_by_gpg()
    {
        await helpdesk.Configure();
        var signer = await helpdesk.PgpKey(helpdesk.Address, secret: true);
        var carol = await helpdesk.PgpKey(helpdesk.Mailbox("carol"));

        var (ticketId, articleId, messageId) = await helpdesk.Composed(await helpdesk.Compose([carol.Email], new { type = "PGP", sign = true, encrypt = true }));

        var mail = await service.Delivered(messageId);
        using var gpg = new Gpg();
        gpg.Run(Encoding.ASCII.GetBytes(carol.SecretKeyArmored()), "--pinentry-mode", "loopback", "--passphrase", carol.Passphrase!, "--import");
        gpg.Run(signer.PublicKeyBinary(), "--import");
        var encrypted = ExtractArmoredMessage(mail.Raw);
        var status = Path.Combine(gpg.Home, "status.txt");
        var plaintext = gpg.Run(Encoding.ASCII.GetBytes(encrypted), "--pinentry-mode", "loopback", "--passphrase", carol.Passphrase!,
            "--status-file", status, "--decrypt");
        var statusLines = File.ReadAllText(status);
        Assert.Contains("here is the answer.", Encoding.UTF8.GetString(plaintext));
        Assert.Contains("[GNUPG:] DECRYPTION_OKAY", statusLines);
        Assert.Contains("[GNUPG:] GOODMDC", statusLines);
        // RFC 3156 §6.2: one OpenPGP message both signed and encrypted; gpg checks the signature while decrypting.
        Assert.Contains("[GNUPG:] GOODSIG", statusLines);
        Assert.Contains($"[GNUPG:] VALIDSIG", statusLines);
        Assert.Contains(signer.Fingerprint, statusLines);

        var article = await helpdesk.Article(ticketId, articleId);
        Assert.Equal("signed", (string)article["security"]!["signature"]!["status"]!);
        Assert.Equal("encrypted", (string)article["security"]!["encryption"]!["status"]!);
        Assert.Equal("delivered", (string)article["delivery"]!["status"]!);
    }

    [Fact]
    public async Task A_reply_threads_on_the_ticket_and_a_stale_version_is_a_conflict()
    {
        await helpdesk.Configure();
        var alice = helpdesk.Mailbox("alice");
        var (ticketId, _, firstMessageId) = await helpdesk.Composed(await helpdesk.Compose([alice], null));
        var version = (long)(await helpdesk.Ticket(ticketId))["version"]!;

        var reply = await helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/articles",
            new { to = new[] { alice }, body = "A follow-up.", expectedVersion = version });
        var (_, _, replyMessageId) = await helpdesk.Composed(reply);
        var stale = await helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/articles",
            new { to = new[] { alice }, body = "Too late.", expectedVersion = version });

        await stale.Problem(HttpStatusCode.Conflict);
        var delivered = Encoding.ASCII.GetString((await service.Delivered(replyMessageId)).Raw);
        Assert.Contains($"In-Reply-To: <{firstMessageId}>", delivered);
        Assert.Contains("Subject: Re: Your request", delivered);
        Assert.Equal(2, (await helpdesk.Ticket(ticketId))["articles"]!.AsArray().Count);
    }

    public static TheoryData<string> Refusals() => ["system off", "no signing key", "recipient without key", "unknown group", "no recipient"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refusals_name_their_cause_and_append_and_send_nothing(string cause)
    {
        await helpdesk.Configure();
        var alice = helpdesk.Mailbox("alice");
        await helpdesk.Certificate(alice);
        if (cause == "system off")
            await (await helpdesk.Admin.PutAsJsonAsync(HttpExtensions.SettingsRoute, new { smime = new { enabled = false } })).Json(HttpStatusCode.OK);
        var before = await EventsNaming(helpdesk);

        var response = cause switch
        {
            "no signing key" => await helpdesk.Compose([alice], new { type = "SMIME", sign = true, encrypt = false }),
            "recipient without key" => await helpdesk.Compose([alice, helpdesk.Mailbox("dave")], new { type = "SMIME", sign = false, encrypt = true }),
            "unknown group" => await helpdesk.Agent.PostAsJsonAsync("/api/v1/tickets", new { group = "No such group", to = new[] { alice }, subject = "x", body = "x" }),
            "no recipient" => await helpdesk.Agent.PostAsJsonAsync("/api/v1/tickets", new { group = helpdesk.Name, to = Array.Empty<string>(), subject = "x", body = "x" }),
            _ => await helpdesk.Compose([alice], new { type = "SMIME", sign = false, encrypt = true }),
        };

        var detail = await response.Problem(HttpStatusCode.UnprocessableEntity);
        var expected = cause switch
        {
            "system off" => "S/MIME is turned off",
            "no signing key" => $"The certificate for {helpdesk.Address} was not found.",
            "recipient without key" => $"The certificate for {helpdesk.Mailbox("dave")} was not found.",
            "unknown group" => "There is no group named",
            _ => "There was no recipient found.",
        };
        Assert.Contains(expected, detail);
        Assert.Equal(before, await EventsNaming(helpdesk));
        await helpdesk.Configure();
        AssertOnlyMailSentIs((await ComposedAndDelivered(alice)).MessageId);
    }

    [Fact]
    public async Task A_signing_key_that_fails_when_used_refuses_the_compose_and_leaves_no_ticket_article_or_mail()
    {
        await helpdesk.Configure();
        var alice = helpdesk.Mailbox("alice");
        var signer = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var first = await ComposedAndDelivered(alice);
        // The relay's acceptance is recorded after the relay answered: waited for, it cannot move the version meanwhile.
        await helpdesk.Article(first.TicketId, first.ArticleId);
        var before = await helpdesk.Ticket(first.TicketId);
        await Vault.Damage(service, SecureMail.Domain.Keystore.KeystoreIds.ForCertificate(signer.Fingerprint));

        var opening = await helpdesk.Compose([alice], new { type = "SMIME", sign = true, encrypt = false });
        var reply = await helpdesk.Agent.PostAsJsonAsync($"/api/v1/tickets/{first.TicketId}/articles",
            new { to = new[] { alice }, body = "Signed, we hope.", security = new { type = "SMIME", sign = true } });

        foreach (var refused in new[] { opening, reply })
            Assert.Contains($"The signing certificate {signer.Fingerprint}", await refused.Problem(HttpStatusCode.UnprocessableEntity));
        var tickets = await (await helpdesk.Agent.GetAsync($"/api/v1/tickets?group={Uri.EscapeDataString(helpdesk.Name)}")).Json(HttpStatusCode.OK);
        Assert.Equal(1, (long)tickets["total"]!);
        var after = await helpdesk.Ticket(first.TicketId);
        Assert.Equal((long)before["version"]!, (long)after["version"]!);
        Assert.Single(after["articles"]!.AsArray());
        AssertOnlyMailSentIs(first.MessageId, (await ComposedAndDelivered(alice)).MessageId);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_recorded_as_not_delivered()
    {
        await helpdesk.Configure();
        var ghost = helpdesk.Mailbox("ghost");
        service.Smtp.RefuseRecipient(ghost);

        var (ticketId, articleId, _) = await helpdesk.Composed(await helpdesk.Compose([ghost], null));

        var article = await helpdesk.Article(ticketId, articleId);
        Assert.Equal("failed", (string)article["delivery"]!["status"]!);
        Assert.Contains("550", (string)article["delivery"]!["message"]!);
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried_until_the_server_accepts()
    {
        await helpdesk.Configure();
        var alice = helpdesk.Mailbox("alice");
        service.Smtp.RefuseRecipient(alice, "451 4.3.0 Try again later");

        var (ticketId, articleId, messageId) = await helpdesk.Composed(await helpdesk.Compose([alice], null));
        await Task.Delay(500);
        service.Smtp.AcceptEverything();

        await service.Delivered(messageId);
        var article = await helpdesk.Article(ticketId, articleId);
        Assert.Equal("delivered", (string)article["delivery"]!["status"]!);
        Assert.True((int)article["delivery"]!["attempts"]! >= 2);
    }

    /// <summary>An unsigned, unencrypted article that is accepted and delivered: once it is at the SMTP server, anything
    /// queued before it has had its turn.</summary>
    private async Task<(Guid TicketId, Guid ArticleId, string MessageId)> ComposedAndDelivered(string to)
    {
        var composed = await helpdesk.Composed(await helpdesk.Compose([to], null));
        await service.Delivered(composed.MessageId);
        return composed;
    }

    private void AssertOnlyMailSentIs(params string[] messageIds) => Assert.Equal(messageIds, helpdesk.Mail().Select(m => m.MessageId));

    /// <summary>Events that name this helpdesk's group or domain: a refused compose must add none.</summary>
    private static Task<long> EventsNaming(Helpdesk helpdesk) => Database.Scalar<long>(
        $"select count(*) from {ServiceFixture.Schema}.mt_events where data::text like '%{helpdesk.Domain}%' or data::text like '%{helpdesk.Name}%'");

    internal static string ExtractArmoredMessage(byte[] raw)
    {
        var text = Encoding.ASCII.GetString(raw);
        var start = text.IndexOf("-----BEGIN PGP MESSAGE-----", StringComparison.Ordinal);
        var end = text.IndexOf("-----END PGP MESSAGE-----", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The delivered mail holds no PGP message.");
        return text[start..(end + "-----END PGP MESSAGE-----".Length)] + "\n";
    }
}

internal static class TestCertificateEmail
{
    public static string Emails(this TestCertificate certificate) =>
        certificate.Certificate.GetSubjectAlternativeNames().Select(n => n[1]?.ToString()).OfType<string>().First();
}
