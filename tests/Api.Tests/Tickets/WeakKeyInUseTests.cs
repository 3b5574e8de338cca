using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Keys imported before the key policy stay in the store: they are encrypted to, signed with and trusted by
/// nobody, and each place says why. They are put there as such an import left them: its event, with the facts read then.</summary>
[Collection(RunningService.Name)]
public sealed class WeakKeyInUseTests(ServiceFixture service) : IDisposable
{
    private readonly Helpdesk helpdesk = new(service);
    private readonly OpenSslWorkspace openssl = new();

    public void Dispose() => openssl.Dispose();

    /// <summary>An RSA-1024 certificate made by openssl, imported before the policy: its event lacks the facts read since.</summary>
    private async Task<TestCertificate> HeldRsa1024(string email)
    {
        var (keyFile, certificateFile) = openssl.SelfSigned($"weak-{Guid.NewGuid():N}", email, "rsa:1024");
        var facts = new BouncyCastleSmimeKeyMaterialReader().ReadCertificates(openssl.Read(certificateFile)).Single()
            with { Curve = null, SignatureDigest = null, SelfSigned = null };
        var id = KeystoreIds.ForCertificate(facts.Fingerprint);
        await HeldFromBeforeThePolicy<CertificateEntry>(id, new CertificateImported(id, facts, "old-admin", DateTimeOffset.UtcNow.AddYears(-1)));
        return openssl.Identity(keyFile, certificateFile);
    }

    private async Task HeldFromBeforeThePolicy<T>(Guid id, object imported) where T : class
    {
        await using var session = service.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream<T>(id, imported);
        await session.SaveChangesAsync();
    }

    private async Task<System.Text.Json.Nodes.JsonArray> SecurityOptions(params string[] to) =>
        (await (await helpdesk.Agent.PostAsJsonAsync("/api/v1/security-options", new { group = helpdesk.Name, to })).Json(HttpStatusCode.OK)).AsArray();

    [Fact]
    public async Task An_rsa_1024_certificate_held_from_before_cannot_be_encrypted_to_and_every_place_says_why()
    {
        await helpdesk.Configure();
        await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = helpdesk.Mailbox("alice");
        await HeldRsa1024(alice);
        var tooWeak = $"The certificate for {alice} has an RSA key of 1024 bits, too weak to encrypt to.";

        var listed = Assert.Single(await helpdesk.Admin.List($"{Certificates}?email={alice}"))!;
        var option = (await SecurityOptions(alice))[0]!;
        var compose = await helpdesk.Compose([alice], new { type = "SMIME", sign = false, encrypt = true });

        Assert.False(listed.Value<bool>("usableForEncryption"));
        Assert.Equal("an RSA key of 1024 bits; at least 2048 bits are required", listed.Value<string>("weakness"));
        Assert.False((bool)option["encrypt"]!["possible"]!);
        Assert.Equal(tooWeak, (string)option["encrypt"]!["message"]!);
        Assert.False((bool)option["defaults"]!["encrypt"]!);
        Assert.Equal($"Cannot encrypt with S/MIME: {tooWeak}", await compose.Problem(HttpStatusCode.UnprocessableEntity));
        var tickets = await (await helpdesk.Agent.GetAsync($"/api/v1/tickets?group={Uri.EscapeDataString(helpdesk.Name)}")).Json(HttpStatusCode.OK);
        Assert.Equal(0, (long)tickets["total"]!);
    }

    [Fact]
    public async Task A_mail_signed_by_an_rsa_1024_certificate_held_from_before_is_invalid_because_the_key_is_weak()
    {
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = helpdesk.Mailbox("alice");
        var signer = await HeldRsa1024(alice);

        var article = await helpdesk.Processed(await helpdesk.Ingest(
            OpenSslMail.SignedAndEncrypted(openssl, alice, helpdesk.Address, signer, group, "Signed with an old key.\n")));

        Assert.Equal("decrypted", (string)article["security"]!["encryption"]!["status"]!);
        var signature = article["security"]!["signature"]!;
        Assert.Equal(("invalid", "weak-key"), ((string)signature["status"]!, (string)signature["code"]!));
        Assert.Equal("The signer's certificate has an RSA key of 1024 bits, too weak to trust its signature.", (string)signature["message"]!);
        Assert.Equal(signer.Fingerprint, (string)signature["signer"]!["fingerprint"]!);
    }

    [Fact]
    public async Task A_gpg_dsa_1024_key_held_from_before_cannot_be_encrypted_to()
    {
        await helpdesk.Configure();
        var bob = helpdesk.Mailbox("bob");
        using var gpg = new Gpg();
        var fingerprint = gpg.GenerateKey($"Old Bob <{bob}>", "dsa1024", "sign");
        gpg.AddSubkey(fingerprint, "elg1024", "encr");
        var facts = new BouncyCastlePgpKeyMaterialReader().ReadKeys(gpg.ExportPublicBinary(fingerprint), null).Single().Facts
            with { Curve = null, SelfSignatureDigests = null };
        var id = KeystoreIds.ForPgpKey(facts.Fingerprint);
        await HeldFromBeforeThePolicy<PgpKeyEntry>(id, new PgpKeyImported(id, facts, "old-admin", DateTimeOffset.UtcNow.AddYears(-1)));

        var option = (await SecurityOptions(bob)).Single(o => (string)o!["type"]! == "PGP")!;
        var compose = await helpdesk.Compose([bob], new { type = "PGP", sign = false, encrypt = true });

        var tooWeak = $"The PGP key for {bob} has a DSA key of 1024 bits, too weak to encrypt to.";
        Assert.Equal(tooWeak, (string)option["encrypt"]!["message"]!);
        Assert.Equal($"Cannot encrypt with PGP: {tooWeak}", await compose.Problem(HttpStatusCode.UnprocessableEntity));
        Assert.Equal("a DSA key of 1024 bits; at least 2048 bits are required",
            Assert.Single(await helpdesk.Admin.List($"{PgpKeys}?email={bob}"))!.Value<string>("weakness"));
    }
}
