using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

/// <summary>The README's first keystore step, as a newcomer runs it: its openssl commands, read from README.md, make a
/// self-signed identity that <c>openssl req -x509</c> marks CA:TRUE; its PKCS#12 goes up as the tour's curl sends it
/// (multipart file and password). The group's address replaces the tour's alice@example.com.</summary>
[Collection(RunningService.Name)]
public class ReadmePkcs12Tests(ServiceFixture service)
{
    private const string TourAddress = "alice@example.com";
    private const string TourPassword = "secret";
    private readonly Helpdesk helpdesk = new(service);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_tours_pkcs12_imports_its_certificate_which_then_signs(bool legacy)
    {
        await helpdesk.Configure();
        using var openssl = new OpenSslWorkspace();

        var items = (await (await Import(openssl, legacy)).Json(HttpStatusCode.Created))["items"]!.AsArray();

        var fingerprint = Fingerprint(openssl, "alice.pem");
        Assert.Equal(fingerprint, Assert.Single(items)!.Value<string>("fingerprint"));
        var entry = await (await helpdesk.Admin.GetAsync($"{Certificates}/{fingerprint}")).Json(HttpStatusCode.OK);
        Assert.True(entry.Value<bool>("isCertificateAuthority"));
        Assert.True(entry.Value<bool>("hasPrivateKey"));
        Assert.True(entry.Value<bool>("usableForSigning"));
        var bob = helpdesk.Mailbox("bob");
        var options = (await (await helpdesk.Agent.PostAsJsonAsync("/api/v1/security-options", new { group = helpdesk.Name, to = new[] { bob } }))
            .Json(HttpStatusCode.OK)).AsArray();
        Assert.Equal($"The certificate for {helpdesk.Address} was found.", (string)options[0]!["sign"]!["message"]!);
        Assert.True((bool)options[0]!["sign"]!["possible"]!);

        var (_, _, messageId) = await helpdesk.Composed(await helpdesk.Compose([bob], new { type = "SMIME", sign = true, encrypt = false }));

        openssl.Write("mail.eml", (await service.Delivered(messageId)).Raw);
        openssl.Run("cms", "-verify", "-in", "mail.eml", "-CAfile", "alice.pem", "-out", "verified.txt");
        Assert.Contains("here is the answer.", Encoding.UTF8.GetString(openssl.Read("verified.txt")));
    }

    [Fact]
    public async Task The_imported_ca_true_identity_is_no_trust_anchor_for_certificates_its_key_issued()
    {
        await helpdesk.Configure();
        using var openssl = new OpenSslWorkspace();
        await (await Import(openssl, legacy: false)).Json(HttpStatusCode.Created);
        var bob = helpdesk.Mailbox("bob");
        openssl.Run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "bob.key", "-out", "bob.csr", "-subj", "/CN=Bob",
            "-addext", $"subjectAltName=email:{bob}");
        openssl.Run("x509", "-req", "-in", "bob.csr", "-CA", "alice.pem", "-CAkey", "alice.key", "-CAcreateserial", "-days", "30",
            "-copy_extensions", "copy", "-out", "bob.pem");
        openssl.Write("note.txt", "Trust me.\n"u8.ToArray());
        openssl.Run("cms", "-sign", "-in", "note.txt", "-text", "-signer", "bob.pem", "-inkey", "bob.key", "-certfile", "alice.pem", "-out", "signed.eml");
        openssl.Run("cms", "-encrypt", "-aes256", "-in", "signed.eml", "-from", bob, "-to", helpdesk.Address, "-subject", "Question",
            "-out", "mail.eml", "alice.pem");

        var signature = (await helpdesk.Processed(await helpdesk.Ingest(openssl.Read("mail.eml"))))["security"]!["signature"]!;

        Assert.Equal(("invalid", "unknown-signer"), ((string)signature["status"]!, (string)signature["code"]!));
        Assert.StartsWith("Unable to find certificate for validation", (string)signature["message"]!);
    }

    /// <summary>The tour's two openssl commands, then its curl: alice.p12 as the multipart field "file", with "password".</summary>
    private async Task<HttpResponseMessage> Import(OpenSslWorkspace openssl, bool legacy)
    {
        ReadmeTour.Run(openssl.Directory, ReadmeTour.Command("openssl req -x509").Replace(TourAddress, helpdesk.Address));
        ReadmeTour.Run(openssl.Directory, ReadmeTour.Command("openssl pkcs12 -export") + (legacy ? " -legacy" : ""));
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(openssl.Read("alice.p12")), "file", "alice.p12" },
            { new StringContent(TourPassword), "password" },
        };
        return await helpdesk.Admin.PostAsync(PrivateKeys, form);
    }

    private static string Fingerprint(OpenSslWorkspace openssl, string certificate) =>
        openssl.Run("x509", "-in", certificate, "-noout", "-fingerprint", "-sha256").Split('=')[1].Trim().Replace(":", "").ToLowerInvariant();
}
