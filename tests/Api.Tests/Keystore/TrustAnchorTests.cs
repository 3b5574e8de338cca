using System.Net;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

/// <summary>Only a CA certificate an admin imported as a trust anchor vouches for other certificates; the README's customer
/// identity (made by its own openssl command, CA:TRUE) imported as a certificate vouches for its own signatures only.</summary>
[Collection(RunningService.Name)]
public class TrustAnchorTests(ServiceFixture service)
{
    private const string TourAddress = "alice@example.com";
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task A_customer_whose_certificate_was_imported_cannot_sign_as_the_ceo_with_a_certificate_it_issued()
    {
        await helpdesk.Configure();
        using var openssl = new OpenSslWorkspace();
        var customer = CustomerIdentity(openssl);
        await (await helpdesk.Admin.PostBytes(Certificates, openssl.Read("alice.pem"), "application/x-pem-file")).Json(HttpStatusCode.Created);
        var ceo = helpdesk.Mailbox("ceo");
        openssl.Run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "ceo.key", "-out", "ceo.csr", "-subj", "/CN=CEO");
        openssl.Run("x509", "-req", "-in", "ceo.csr", "-CA", "alice.pem", "-CAkey", "alice.key", "-CAcreateserial", "-days", "30",
            "-extfile", Extensions(openssl, "ceo.ext", $"subjectAltName=email:{ceo}\nkeyUsage=digitalSignature\nextendedKeyUsage=emailProtection\n"), "-out", "ceo.pem");

        var forged = await SignatureOf(openssl, "ceo", ceo, "alice.pem");
        var own = await SignatureOf(openssl, "alice", customer);

        Assert.Equal(("invalid", "unknown-signer"), ((string)forged["status"]!, (string)forged["code"]!));
        Assert.Equal("valid", (string)own["status"]!);
    }

    [Fact]
    public async Task The_customer_identity_imported_as_a_trust_anchor_is_refused_because_it_may_not_sign_certificates()
    {
        using var openssl = new OpenSslWorkspace();
        CustomerIdentity(openssl);

        var detail = await (await helpdesk.Admin.PostBytes(TrustAnchors, openssl.Read("alice.pem"), "application/x-pem-file"))
            .Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("lacks keyCertSign", detail);
    }

    [Fact]
    public async Task A_ca_bundle_imported_as_the_tour_does_vouches_for_its_leaves_and_wakes_the_mail_that_waited_for_it()
    {
        await helpdesk.Configure();
        using var openssl = new OpenSslWorkspace();
        var erin = helpdesk.Mailbox("erin");
        openssl.Run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", $"/CN=Partner CA {Guid.NewGuid():N}",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl.Run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "erin.key", "-out", "erin.csr", "-subj", "/CN=Erin");
        openssl.Run("x509", "-req", "-in", "erin.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "30",
            "-extfile", Extensions(openssl, "erin.ext", $"subjectAltName=email:{erin}\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=emailProtection\n"), "-out", "erin.pem");
        var waiting = await helpdesk.Ingest(SignedMail(openssl, "erin", erin));
        Assert.Equal("unknown-signer", (string)(await helpdesk.Processed(waiting))["security"]!["signature"]!["code"]!);

        await (await helpdesk.Admin.PostBytes(TourTrustAnchorRoute(), openssl.Read("ca.pem"), "application/x-pem-file")).Json(HttpStatusCode.Created);

        var article = await helpdesk.Processed(waiting.TicketId, waiting.ArticleId, a => (string?)a["security"]?["signature"]?["status"] == "valid");
        Assert.Equal("valid", (string)article["security"]!["signature"]!["status"]!);
        Assert.Equal(erin, (string)article["security"]!["signature"]!["signer"]!["email"]!);
    }

    /// <summary>The README's own customer identity (its <c>openssl req -x509</c> command), for a unique address.</summary>
    private string CustomerIdentity(OpenSslWorkspace openssl)
    {
        var address = helpdesk.Mailbox("customer");
        ReadmeTour.Run(openssl.Directory, ReadmeTour.Command("openssl req -x509").Replace(TourAddress, address));
        return address;
    }

    /// <summary>The route the README's tour posts ca-bundle.pem to.</summary>
    private static string TourTrustAnchorRoute()
    {
        var command = ReadmeTour.Command("curl -s -H \"$ADMIN\" -H 'Content-Type: application/x-pem-file' --data-binary @ca-bundle.pem");
        return command[(command.IndexOf("$API", StringComparison.Ordinal) + "$API".Length)..].Trim();
    }

    private async Task<JsonNode> SignatureOf(OpenSslWorkspace openssl, string signer, string from, string? carried = null) =>
        (await helpdesk.Processed(await helpdesk.Ingest(SignedMail(openssl, signer, from, carried))))["security"]!["signature"]!;

    private byte[] SignedMail(OpenSslWorkspace openssl, string signer, string from, string? carried = null)
    {
        openssl.Write("note.txt", "Please pay the attached invoice today.\n"u8.ToArray());
        openssl.Run(["cms", "-sign", "-in", "note.txt", "-text", "-signer", $"{signer}.pem", "-inkey", $"{signer}.key", "-from", from,
            "-to", helpdesk.Address, "-subject", "Urgent", "-out", "mail.eml", .. carried is null ? Array.Empty<string>() : ["-certfile", carried]]);
        return openssl.Read("mail.eml");
    }

    private static string Extensions(OpenSslWorkspace openssl, string file, string lines)
    {
        openssl.Write(file, System.Text.Encoding.ASCII.GetBytes(lines));
        return file;
    }
}
