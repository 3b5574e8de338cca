using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.Domain.Keystore;
using SecureMail.TestKit.Pgp;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

/// <summary>A held PGP key takes what a newer copy made by gpg brings: its revocation, a new expiry, a new subkey.</summary>
[Collection(RunningService.Name)]
public sealed class PgpKeyRefreshTests(ServiceFixture service) : IDisposable
{
    private readonly Helpdesk helpdesk = new(service);
    private readonly HttpClient auditor = service.Client("auditor");
    private readonly Gpg gpg = new();

    public void Dispose() => gpg.Dispose();

    [Fact]
    public async Task A_revoked_copy_revokes_the_held_key_and_its_signatures_turn_invalid()
    {
        await helpdesk.Configure();
        var rita = helpdesk.Mailbox("rita");
        var fingerprint = await Held($"Rita <{rita}>");
        var before = await helpdesk.Ingest(Signed(fingerprint, rita, "Signed before the revocation.\n"));
        Assert.Equal("valid", await SignatureStatus(before));
        var later = Signed(fingerprint, rita, "Signed before, delivered after the revocation.\n");
        gpg.RevokeKey(fingerprint);
        var beforeRefresh = DateTimeOffset.UtcNow;

        var refreshed = await Import(gpg.ExportPublicArmored(fingerprint), HttpStatusCode.Created);

        Assert.Equal("refreshed", (string)refreshed["items"]![0]!["status"]!);
        var key = await (await helpdesk.Admin.GetAsync($"{PgpKeys}/{fingerprint}")).Json(HttpStatusCode.OK);
        Assert.True(key.Value<bool>("revoked"));
        Assert.False(key.Value<bool>("usableForEncryption"));
        Assert.Equal(["revoked"], (await Refreshes(fingerprint)).Single()["changes"]!.AsArray().Select(c => (string)c!));
        Assert.False(await RevokedAsOf(rita, beforeRefresh));
        Assert.True(await RevokedAsOf(rita, DateTimeOffset.UtcNow.AddSeconds(1)));
        await (await helpdesk.Agent.PostAsync($"/api/v1/tickets/{before.TicketId}/articles/{before.ArticleId}/retry-security", null)).Json(HttpStatusCode.OK);
        var retried = await helpdesk.Processed(before.TicketId, before.ArticleId, a => (string?)a["security"]?["signature"]?["status"] == "invalid");
        Assert.Equal(("invalid", "revoked"), ((string)retried["security"]!["signature"]!["status"]!, (string)retried["security"]!["signature"]!["code"]!));
        var arrived = await helpdesk.Processed(await helpdesk.Ingest(later));
        Assert.Equal("revoked", (string)arrived["security"]!["signature"]!["code"]!);
    }

    [Fact]
    public async Task A_new_expiry_and_a_new_subkey_are_merged_and_named()
    {
        var fingerprint = await Held($"Esther <{helpdesk.Mailbox("esther")}>", expire: "1y");
        gpg.SetExpiry(fingerprint, "3y", passphrase: null);
        var subkey = gpg.AddSubkey(fingerprint, "cv25519", "encr", passphrase: null);

        await Import(gpg.ExportPublicArmored(fingerprint), HttpStatusCode.Created);

        var key = await (await helpdesk.Admin.GetAsync($"{PgpKeys}/{fingerprint}")).Json(HttpStatusCode.OK);
        Assert.Equal(gpg.List(fingerprint).ExpiresAt, key["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains(subkey, key["subkeys"]!.AsArray().Select(s => (string)s!["fingerprint"]!));
        Assert.True(key.Value<bool>("usableForEncryption"));
        var changes = (await Refreshes(fingerprint)).Single()["changes"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Equal(2, changes.Count);
        Assert.StartsWith("expiry ", changes[0]);
        Assert.Equal($"subkey {subkey} added", changes[1]);
    }

    [Fact]
    public async Task An_identical_copy_is_a_conflict()
    {
        var fingerprint = await Held($"Ida <{helpdesk.Mailbox("ida")}>");

        var detail = await (await helpdesk.Admin.PostText(PgpKeys, gpg.ExportPublicArmored(fingerprint))).Problem(HttpStatusCode.Conflict);

        Assert.Contains("already in the keystore", detail);
        Assert.Empty(await Refreshes(fingerprint));
    }

    [Fact]
    public async Task A_copy_with_a_revocation_the_key_did_not_make_changes_nothing()
    {
        var victim = PgpTestKeys.Create("Victor", helpdesk.Mailbox("victor"));
        var forger = PgpTestKeys.Create("Mallory", helpdesk.Mailbox("mallory")).PrivateSigningKey();
        await Import(victim.PublicKeyArmored(), HttpStatusCode.Created);
        var primary = victim.PublicKeyRing.GetPublicKey();
        var generator = new PgpSignatureGenerator(forger.PublicKeyPacket.Algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.KeyRevocation, forger);
        var subpackets = new PgpSignatureSubpacketGenerator();
        subpackets.SetSignatureCreationTime(false, DateTime.UtcNow);
        subpackets.SetIssuerKeyID(false, primary.KeyId);
        generator.SetHashedSubpackets(subpackets.Generate());
        var copy = PgpPublicKeyRing.InsertPublicKey(victim.PublicKeyRing,
            PgpPublicKey.AddCertification(primary, generator.GenerateCertification(primary)));

        await (await helpdesk.Admin.PostBytes(PgpKeys, copy.GetEncoded())).Problem(HttpStatusCode.Conflict);

        var key = await (await helpdesk.Admin.GetAsync($"{PgpKeys}/{victim.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.False(key.Value<bool>("revoked"));
        var served = await helpdesk.Admin.GetStringAsync($"{PgpKeys}/{victim.Fingerprint}/armored");
        Assert.Equal(victim.PublicKeyRing.GetEncoded(),
            new PgpPublicKeyRing(PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.ASCII.GetBytes(served)))).GetEncoded());
    }

    private async Task<string> Held(string userId, string expire = "never")
    {
        var fingerprint = gpg.GenerateKey(userId, "ed25519", "sign", expire, passphrase: null);
        gpg.AddSubkey(fingerprint, "cv25519", "encr", expire, passphrase: null);
        Assert.Equal("imported", (string)(await Import(gpg.ExportPublicArmored(fingerprint), HttpStatusCode.Created))["items"]![0]!["status"]!);
        return fingerprint;
    }

    private async Task<JsonNode> Import(string armored, HttpStatusCode expected) =>
        await (await helpdesk.Admin.PostText(PgpKeys, armored, "application/pgp-keys")).Json(expected);

    private async Task<IReadOnlyList<JsonNode>> Refreshes(string fingerprint)
    {
        var stream = await (await auditor.GetAsync($"/api/v1/audit/streams/{KeystoreIds.ForPgpKey(fingerprint)}/events")).Json(HttpStatusCode.OK);
        return stream["events"]!.AsArray().Where(e => (string)e!["type"]! == "pgp_key_refreshed").Select(e => e!["data"]!).ToList();
    }

    private async Task<bool> RevokedAsOf(string email, DateTimeOffset moment) =>
        Assert.Single(await auditor.List($"{PgpKeys}?email={Uri.EscapeDataString(email)}&asOf={Uri.EscapeDataString(moment.ToString("O"))}"))!
            .Value<bool>("revoked");

    private async Task<string> SignatureStatus((Guid TicketId, Guid ArticleId) article) =>
        (string)(await helpdesk.Processed(article))["security"]!["signature"]!["status"]!;

    /// <summary>PGP/MIME (RFC 3156 §5), signed by gpg.</summary>
    private byte[] Signed(string fingerprint, string from, string text)
    {
        var content = $"Content-Type: text/plain; charset=utf-8\r\n\r\n{text.Replace("\n", "\r\n")}";
        var signature = gpg.DetachSignArmored(fingerprint, content, passphrase: null).Replace("\r\n", "\n").Replace("\n", "\r\n");
        return Encoding.ASCII.GetBytes($"From: <{from}>\r\nTo: {helpdesk.Address}\r\nSubject: Key status\r\nMessage-ID: <{Guid.NewGuid():N}@example.org>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\"; boundary=\"outer\"\r\n\r\n" +
            $"--outer\r\n{content}\r\n--outer\r\nContent-Type: application/pgp-signature\r\n\r\n{signature}\r\n--outer--\r\n");
    }
}
