using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MimeKit;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>"attachPublicKey": the group's public PGP key goes with the mail, inside its protection.</summary>
[Collection(RunningService.Name)]
public class AttachPublicKeyTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    private Task<HttpResponseMessage> Compose(string to, object? security) =>
        helpdesk.Agent.PostAsJsonAsync("/api/v1/tickets", new
        {
            group = helpdesk.Name, to = new[] { to }, subject = "Our key", body = "Here is our key.\n", security, attachPublicKey = true,
        });

    [Fact]
    public async Task The_groups_key_travels_inside_the_signed_and_encrypted_content_and_is_listed()
    {
        await helpdesk.Configure();
        var group = await helpdesk.PgpKey(helpdesk.Address, secret: true);
        var carol = await helpdesk.PgpKey(helpdesk.Mailbox("carol"));

        var (ticketId, articleId, messageId) = await helpdesk.Composed(await Compose(carol.Email, new { type = "PGP", sign = true, encrypt = true }));

        var mail = await service.Delivered(messageId);
        Assert.DoesNotContain("application/pgp-keys", Encoding.ASCII.GetString(mail.Raw));
        using var gpg = new Gpg();
        gpg.Run(Encoding.ASCII.GetBytes(carol.SecretKeyArmored()), "--pinentry-mode", "loopback", "--passphrase", carol.Passphrase!, "--import");
        gpg.Run(group.PublicKeyBinary(), "--import");
        var decrypted = gpg.Run(Encoding.ASCII.GetBytes(ComposeTests.ExtractArmoredMessage(mail.Raw)), "--pinentry-mode", "loopback",
            "--passphrase", carol.Passphrase!, "--decrypt");
        var keyPart = KeyPart(MimeEntity.Load(new MemoryStream(decrypted)));
        Assert.Equal($"0x{group.KeyId}.asc", keyPart.FileName);
        Assert.Equal(group.Fingerprint, Imported(keyPart));

        var attachment = Assert.Single((await helpdesk.Article(ticketId, articleId))["attachments"]!.AsArray())!;
        Assert.Equal(($"0x{group.KeyId}.asc", "application/pgp-keys"), ((string)attachment["fileName"]!, (string)attachment["contentType"]!));
    }

    [Fact]
    public async Task Without_security_the_key_is_a_part_of_the_plain_mail()
    {
        await helpdesk.Configure();
        var group = await helpdesk.PgpKey(helpdesk.Address, secret: true);

        var (_, _, messageId) = await helpdesk.Composed(await Compose(helpdesk.Mailbox("dave"), null));

        var mail = await service.Delivered(messageId);
        var keyPart = KeyPart(MimeMessage.Load(new MemoryStream(mail.Raw)).Body);
        Assert.Equal(group.Fingerprint, Imported(keyPart));
    }

    [Fact]
    public async Task A_group_without_a_pgp_key_is_refused_with_its_code_and_sends_nothing()
    {
        await helpdesk.Configure();
        await helpdesk.PgpKey(helpdesk.Address);

        var response = await Compose(helpdesk.Mailbox("erin"), null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("public-key-missing", (string)problem["code"]!);
        Assert.Equal([helpdesk.Address], problem["addresses"]!.AsArray().Select(a => (string)a!));
        Assert.Contains($"The PGP key for {helpdesk.Address} was not found", (string)problem["detail"]!);
        Assert.Empty(helpdesk.Mail());
    }

    private static MimePart KeyPart(MimeEntity body) =>
        Assert.Single(body is Multipart multipart ? multipart.Flatten() : [body], p => p.ContentType.MimeType == "application/pgp-keys") as MimePart
        ?? throw new InvalidOperationException("The key part is not a leaf.");

    /// <summary>What gpg reads from the part: the fingerprint of the one key it holds.</summary>
    private static string Imported(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content.DecodeTo(content);
        using var gpg = new Gpg();
        gpg.Run(content.ToArray(), "--import");
        var listing = gpg.RunText("--with-colons", "--fingerprint", "--list-keys");
        return listing.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
    }
}

internal static class MultipartFlattening
{
    public static IEnumerable<MimeEntity> Flatten(this Multipart multipart) =>
        multipart.SelectMany(e => e is Multipart inner ? inner.Flatten() : [e]);
}
