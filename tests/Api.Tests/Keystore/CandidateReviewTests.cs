using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.Domain.Keystore;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

/// <summary>"Unable to find certificate for validation" (docs/messages.md#incoming), and what an admin does about
/// it: the certificate the mail carried waits as a candidate, changes nothing until imported, and once imported the
/// article verifies on its own.</summary>
[Collection(RunningService.Name)]
public class CandidateReviewTests(ServiceFixture service)
{
    private const string Candidates = "/api/v1/keystore/smime/candidates";
    private readonly Helpdesk helpdesk = new(service);
    private readonly HttpClient auditor = service.Client("auditor");

    private static TestCertificate NewCertificate(string email) =>
        TestCertificates.SelfSigned(CertificateOptions.For(email) with { Key = TestKeys.Generate() });

    private async Task<(Guid TicketId, Guid ArticleId)> MailFrom(string from, TestCertificate signer, TestCertificate group, string text)
    {
        using var openssl = new OpenSslWorkspace();
        return await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, from, helpdesk.Address, signer, group, text));
    }

    private async Task<JsonArray> CandidatesFor(string email) => await helpdesk.Admin.List($"{Candidates}?email={Uri.EscapeDataString(email)}");

    [Fact]
    public async Task An_unknown_signer_is_reviewed_imported_and_the_article_verifies_with_nobody_pressing_retry()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var erin = NewCertificate(helpdesk.Mailbox("erin"));

        var (ticketId, articleId) = await MailFrom(helpdesk.Mailbox("erin"), erin, group, "Please call me back.\n");

        var signature = (await helpdesk.Processed(ticketId, articleId))["security"]!["signature"]!;
        Assert.Equal(("invalid", "unknown-signer"), ((string)signature["status"]!, (string)signature["code"]!));
        var message = (string)signature["message"]!;
        Assert.StartsWith("Unable to find certificate for validation", message);
        Assert.Contains(erin.Fingerprint, message);
        Assert.Contains(helpdesk.Mailbox("erin"), message);

        var candidate = Assert.Single(await CandidatesFor(helpdesk.Mailbox("erin")))!;
        Assert.Equal(erin.Fingerprint, (string)candidate["fingerprint"]!);
        Assert.Equal([helpdesk.Mailbox("erin")], candidate["emails"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(articleId.ToString(), (string)candidate["articles"]![0]!["articleId"]!);
        Assert.Empty(candidate["conflictsWith"]!.AsArray());
        Assert.Single(await auditor.List($"{Candidates}?email={Uri.EscapeDataString(helpdesk.Mailbox("erin"))}"));

        await (await helpdesk.Admin.PostAsync($"{Candidates}/{erin.Fingerprint}/import", null)).Json(HttpStatusCode.Created);

        var verified = await helpdesk.Processed(ticketId, articleId, a => (string?)a["security"]?["signature"]?["status"] == "valid");
        Assert.Equal("valid", (string)verified["security"]!["signature"]!["status"]!);
        Assert.Equal(erin.Fingerprint, (string)verified["security"]!["signature"]!["signer"]!["fingerprint"]!);
        Assert.Empty(await CandidatesFor(helpdesk.Mailbox("erin")));
        var history = await auditor.List($"/api/v1/tickets/{ticketId}/articles/{articleId}/history");
        var retried = Assert.Single(history, e => (string)e!["type"]! == "security_process_retried")!;
        Assert.Contains(erin.Fingerprint, (string)retried["data"]!["trigger"]!);
        var stream = await (await auditor.GetAsync($"/api/v1/audit/streams/{KeystoreIds.ForCertificate(erin.Fingerprint)}/events")).Json(HttpStatusCode.OK);
        var imported = stream["events"]![0]!;
        Assert.Equal(articleId.ToString(), (string)imported["data"]!["origin"]!["articleId"]!);
    }

    [Fact]
    public async Task A_self_signed_certificate_claiming_a_held_address_is_a_conflict_and_changes_nothing_until_imported()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        var impostor = NewCertificate(helpdesk.Mailbox("alice"));

        var forged = await MailFrom(helpdesk.Mailbox("alice"), impostor, group, "Pay the invoice to my new account.\n");

        Assert.Equal("unknown-signer", (string)(await helpdesk.Processed(forged.TicketId, forged.ArticleId))["security"]!["signature"]!["code"]!);
        var candidate = Assert.Single(await CandidatesFor(helpdesk.Mailbox("alice")))!;
        Assert.Equal(impostor.Fingerprint, (string)candidate["fingerprint"]!);
        Assert.Equal([alice.Fingerprint], candidate["conflictsWith"]!.AsArray().Select(f => (string)f!));
        var genuine = await MailFrom(helpdesk.Mailbox("alice"), alice, group, "The real one.\n");
        Assert.Equal("valid", (string)(await helpdesk.Processed(genuine.TicketId, genuine.ArticleId))["security"]!["signature"]!["status"]!);
        var certificates = await helpdesk.Admin.List($"{Certificates}?email={Uri.EscapeDataString(helpdesk.Mailbox("alice"))}");
        Assert.Equal([alice.Fingerprint], certificates.Select(c => (string)c!["fingerprint"]!));

        Assert.Equal(HttpStatusCode.NoContent, (await helpdesk.Admin.DeleteAsync($"{Candidates}/{impostor.Fingerprint}")).StatusCode);

        var again = await MailFrom(helpdesk.Mailbox("alice"), impostor, group, "Did you see my last mail?\n");
        Assert.Equal("unknown-signer", (string)(await helpdesk.Processed(again.TicketId, again.ArticleId))["security"]!["signature"]!["code"]!);
        Assert.Empty(await CandidatesFor(helpdesk.Mailbox("alice")));
        await (await helpdesk.Admin.PostAsync($"{Candidates}/{impostor.Fingerprint}/import", null)).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mail_cannot_flood_the_list_only_the_newest_candidates_per_address_stay()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var address = helpdesk.Mailbox("flood");
        var senders = Enumerable.Range(0, 4).Select(_ => NewCertificate(address)).ToList();

        foreach (var sender in senders)
        {
            var (ticketId, articleId) = await MailFrom(address, sender, group, "Another key.\n");
            await helpdesk.Processed(ticketId, articleId);
        }

        var listed = (await CandidatesFor(address)).Select(c => (string)c!["fingerprint"]!).ToHashSet();
        Assert.Equal(senders.Skip(1).Select(s => s.Fingerprint).ToHashSet(), listed);
    }

    [Theory]
    [InlineData("autocrypt")]
    [InlineData("pgp-keys")]
    public async Task A_pgp_key_offered_by_the_sender_is_a_candidate_and_once_imported_the_article_verifies(string offered)
    {
        await helpdesk.Configure();
        using var gpg = new Gpg();
        var frank = helpdesk.Mailbox("frank");
        var fingerprint = gpg.GenerateKey($"Frank <{frank}>", passphrase: null);
        var key = gpg.ExportPublicArmored(fingerprint);
        var signed = gpg.RunText("--armor", "--local-user", fingerprint, "--clearsign", "--pinentry-mode", "loopback", "--passphrase", "",
            "--output", "-", WriteText(gpg, "Here is my key; please write back encrypted.\n"));
        var (ticketId, articleId) = await helpdesk.Ingest(offered == "autocrypt" ? WithAutocrypt(frank, key, signed) : WithKeyPart(gpg, frank, fingerprint, key));

        var signature = (await helpdesk.Processed(ticketId, articleId))["security"]!["signature"]!;
        Assert.Equal(("invalid", "unknown-signer"), ((string)signature["status"]!, (string)signature["code"]!));
        var candidate = Assert.Single(await helpdesk.Admin.List($"{PgpCandidates}?email={Uri.EscapeDataString(frank)}"))!;
        Assert.Equal(fingerprint, (string)candidate["fingerprint"]!);
        Assert.Equal([$"Frank <{frank}>"], candidate["userIds"]!.AsArray().Select(u => (string)u!));
        Assert.Equal([offered], candidate["sources"]!.AsArray().Select(u => (string)u!));

        await (await helpdesk.Admin.PostAsync($"{PgpCandidates}/{fingerprint}/import", null)).Json(HttpStatusCode.Created);

        var verified = await helpdesk.Processed(ticketId, articleId, a => (string?)a["security"]?["signature"]?["status"] == "valid");
        Assert.Equal("valid", (string)verified["security"]!["signature"]!["status"]!);
        Assert.Single(await helpdesk.Admin.List($"{PgpKeys}?email={Uri.EscapeDataString(frank)}"));
    }

    private const string PgpCandidates = "/api/v1/keystore/pgp/candidates";

    private static string WriteText(Gpg gpg, string text)
    {
        var path = Path.Combine(gpg.Home, $"{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>An inline clear-signed body, the key in the sender's Autocrypt header (Autocrypt Level 1, §2.1).</summary>
    private byte[] WithAutocrypt(string from, string armoredKey, string signedBody)
    {
        var keyData = string.Concat(armoredKey.Split('\n').SkipWhile(l => l.Trim().Length > 0).Skip(1).TakeWhile(l => !l.StartsWith('=') && !l.StartsWith("-----")));
        var folded = string.Join("\r\n ", keyData.Trim().Chunk(72).Select(c => new string(c)));
        return Encoding.ASCII.GetBytes($"From: Frank <{from}>\r\nTo: {helpdesk.Address}\r\nSubject: My key\r\nMessage-ID: <{Guid.NewGuid():N}@example.org>\r\n" +
            $"Autocrypt: addr={from}; prefer-encrypt=mutual; keydata=\r\n {folded}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
            signedBody.Replace("\r\n", "\n").Replace("\n", "\r\n"));
    }

    /// <summary>PGP/MIME (RFC 3156 §5): a multipart/signed whose content carries the key as an application/pgp-keys part (§7).</summary>
    private byte[] WithKeyPart(Gpg gpg, string from, string fingerprint, string armoredKey)
    {
        var content = "Content-Type: multipart/mixed; boundary=\"inner\"\r\n\r\n--inner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
            "Here is my key; please write back encrypted.\r\n--inner\r\nContent-Type: application/pgp-keys\r\n" +
            "Content-Disposition: attachment; filename=\"frank.asc\"\r\n\r\n" + armoredKey.Replace("\r\n", "\n").Replace("\n", "\r\n") + "\r\n--inner--\r\n";
        var signature = gpg.DetachSignArmored(fingerprint, content, passphrase: null);
        return Encoding.ASCII.GetBytes($"From: Frank <{from}>\r\nTo: {helpdesk.Address}\r\nSubject: My key\r\nMessage-ID: <{Guid.NewGuid():N}@example.org>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\"; boundary=\"outer\"\r\n\r\n" +
            $"--outer\r\n{content}\r\n--outer\r\nContent-Type: application/pgp-signature\r\n\r\n{signature.Replace("\r\n", "\n").Replace("\n", "\r\n")}\r\n--outer--\r\n");
    }

    [Fact]
    public async Task Reviewing_is_for_admins_and_a_missing_candidate_is_404()
    {
        var fingerprint = new string('a', 64);
        await (await helpdesk.Admin.PostAsync($"{Candidates}/{fingerprint}/import", null)).Problem(HttpStatusCode.NotFound);
        await (await helpdesk.Admin.DeleteAsync($"{Candidates}/{fingerprint}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await helpdesk.Agent.GetAsync(Candidates)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"{Candidates}/{fingerprint}/import", null)).StatusCode);
    }
}
