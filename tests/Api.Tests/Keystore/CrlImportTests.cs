using System.Net;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class CrlImportTests(ServiceFixture service)
{
    private readonly HttpClient admin = service.Client("admin");
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task A_crl_from_an_imported_ca_marks_its_certificates_revoked()
    {
        var ca = TestCa.Create($"CRL CA {Guid.NewGuid():N}");
        var revoked = ca.Issue($"revoked-{Guid.NewGuid():N}@example.com");
        var kept = ca.Issue($"kept-{Guid.NewGuid():N}@example.com");
        await (await admin.PostText(TrustAnchors, ca.Certificate.Pem)).Json(HttpStatusCode.Created);
        await (await admin.PostBytes(Certificates, TestCertificate.Bundle(revoked, kept))).Json(HttpStatusCode.Created);

        await (await admin.PostBytes(Crls, ca.Revoke(revoked).Der)).Json(HttpStatusCode.Created);

        var revokedEntry = await (await admin.GetAsync($"{Certificates}/{revoked.Fingerprint}")).Json(HttpStatusCode.OK);
        var keptEntry = await (await admin.GetAsync($"{Certificates}/{kept.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.True(revokedEntry.Value<bool>("revoked"));
        Assert.False(revokedEntry.Value<bool>("usableForEncryption"));
        Assert.False(keptEntry.Value<bool>("revoked"));
        Assert.True(keptEntry.Value<bool>("usableForEncryption"));
    }

    [Fact]
    public async Task A_crl_of_an_unknown_ca_is_refused()
    {
        var ca = TestCa.Create($"Unknown CA {Guid.NewGuid():N}");

        var detail = await (await admin.PostBytes(Crls, ca.Revoke().PemBytes)).Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("trust anchor", detail);
    }

    [Fact]
    public async Task A_crl_of_a_ca_held_only_as_a_certificate_is_refused()
    {
        var ca = TestCa.Create(CertificateOptions.CertificateAuthority($"Plain CA {Guid.NewGuid():N}") with { Emails = [$"ca-{Guid.NewGuid():N}@example.com"] });
        await (await admin.PostText(Certificates, ca.Certificate.Pem)).Json(HttpStatusCode.Created);

        var detail = await (await admin.PostBytes(Crls, ca.Revoke().PemBytes)).Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("trust anchor", detail);
    }

    [Fact]
    public async Task A_crl_whose_signature_does_not_verify_is_refused()
    {
        var name = $"Forged CA {Guid.NewGuid():N}";
        var real = TestCa.Create(name);
        var impostor = TestCa.Create(name);
        await (await admin.PostText(TrustAnchors, real.Certificate.Pem)).Json(HttpStatusCode.Created);

        var detail = await (await admin.PostBytes(Crls, impostor.Revoke().Der)).Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("signature", detail);
    }

    [Fact]
    public async Task An_older_crl_does_not_replace_a_newer_one()
    {
        var ca = TestCa.Create($"Replay CA {Guid.NewGuid():N}");
        var leaf = ca.Issue($"leaf-{Guid.NewGuid():N}@example.com");
        await (await admin.PostText(TrustAnchors, ca.Certificate.Pem)).Json(HttpStatusCode.Created);
        await (await admin.PostText(Certificates, leaf.Pem)).Json(HttpStatusCode.Created);
        var older = ca.Revoke([], DateTimeOffset.UtcNow.AddDays(-2));
        await (await admin.PostBytes(Crls, ca.Revoke(leaf).Der)).Json(HttpStatusCode.Created);

        await (await admin.PostBytes(Crls, older.Der)).Problem(HttpStatusCode.Conflict);

        var entry = await (await admin.GetAsync($"{Certificates}/{leaf.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.True(entry.Value<bool>("revoked"));
    }
    [Fact]
    public async Task A_crl_of_one_ca_does_not_revoke_the_certificate_of_another_ca_with_the_same_name()
    {
        await helpdesk.Configure();
        using var openssl = new OpenSslWorkspace();
        using var twinWorkspace = new OpenSslWorkspace();
        var name = $"Twin CA {Guid.NewGuid():N}";
        var ca = new OpenSslCa(openssl, name);
        var twin = new OpenSslCa(twinWorkspace, name);
        var (mallory, ruth) = (helpdesk.Mailbox("mallory"), helpdesk.Mailbox("ruth"));
        var revoked = ca.Issue("mallory", mallory, "00A1B2C3");
        var namesake = twin.Issue("ruth", ruth, "00A1B2C3");
        foreach (var (workspace, file) in new[] { (openssl, ca.CertificateFile), (twinWorkspace, twin.CertificateFile) })
            await (await admin.PostBytes(TrustAnchors, workspace.Read(file), "application/x-pem-file")).Json(HttpStatusCode.Created);
        foreach (var (workspace, file) in new[] { (openssl, revoked.CertificateFile), (twinWorkspace, namesake.CertificateFile) })
            await (await admin.PostBytes(Certificates, workspace.Read(file), "application/x-pem-file")).Json(HttpStatusCode.Created);

        // openssl ca's default CRL names no key identifier: the key of the CA that signed it stands in for it.
        await (await admin.PostBytes(Crls, openssl.Read(ca.Crl(["A1B2C3"], withAuthorityKeyIdentifier: false)))).Json(HttpStatusCode.Created);

        Assert.True(await Revoked(openssl, revoked.CertificateFile));
        Assert.False(await Revoked(twinWorkspace, namesake.CertificateFile));
        var fromMallory = await helpdesk.Processed(await helpdesk.Ingest(
            OpenSslMail.Signed(openssl, mallory, helpdesk.Address, revoked.CertificateFile, revoked.KeyFile, "Revoked.\n")));
        var fromRuth = await helpdesk.Processed(await helpdesk.Ingest(
            OpenSslMail.Signed(twinWorkspace, ruth, helpdesk.Address, namesake.CertificateFile, namesake.KeyFile, "Not revoked.\n")));
        Assert.Equal("revoked", (string)fromMallory["security"]!["signature"]!["code"]!);
        Assert.Equal("valid", (string)fromRuth["security"]!["signature"]!["status"]!);
    }

    [Fact]
    public async Task A_stale_crl_still_counts_and_a_signature_it_does_not_revoke_says_it_is_out_of_date()
    {
        await helpdesk.Configure();
        using var openssl = new OpenSslWorkspace();
        var ca = new OpenSslCa(openssl, $"Late CA {Guid.NewGuid():N}");
        var (rita, ralf) = (helpdesk.Mailbox("rita"), helpdesk.Mailbox("ralf"));
        var kept = ca.Issue("rita", rita, "0B0B");
        var revoked = ca.Issue("ralf", ralf, "0C0C");
        await (await admin.PostBytes(TrustAnchors, openssl.Read(ca.CertificateFile), "application/x-pem-file")).Json(HttpStatusCode.Created);
        foreach (var file in new[] { kept.CertificateFile, revoked.CertificateFile })
            await (await admin.PostBytes(Certificates, openssl.Read(file), "application/x-pem-file")).Json(HttpStatusCode.Created);
        var nextUpdate = DateTimeOffset.UtcNow.AddDays(-1);
        await (await admin.PostBytes(Crls, openssl.Read(ca.Crl(["0C0C"], true, nextUpdate.AddDays(-7), nextUpdate)))).Json(HttpStatusCode.Created);

        var fromRita = await helpdesk.Processed(await helpdesk.Ingest(
            OpenSslMail.Signed(openssl, rita, helpdesk.Address, kept.CertificateFile, kept.KeyFile, "Still fine?\n")));
        var fromRalf = await helpdesk.Processed(await helpdesk.Ingest(
            OpenSslMail.Signed(openssl, ralf, helpdesk.Address, revoked.CertificateFile, revoked.KeyFile, "Revoked.\n")));

        var signature = fromRita["security"]!["signature"]!;
        Assert.Equal("valid", (string)signature["status"]!);
        var dueAt = new DateTimeOffset(nextUpdate.Ticks - nextUpdate.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        Assert.StartsWith("Signature successfully verified. The certificate revocation list of ", (string)signature["message"]!);
        Assert.Contains(ca.Name, (string)signature["message"]!);
        Assert.EndsWith($" is out of date since {dueAt:u}: a revocation since then would not show. An admin can import the CA's newer CRL.", (string)signature["message"]!);
        Assert.Equal("revoked", (string)fromRalf["security"]!["signature"]!["code"]!);
    }

    private async Task<bool> Revoked(OpenSslWorkspace workspace, string certificateFile)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(
            System.Text.Encoding.ASCII.GetString(workspace.Read(certificateFile)));
        var fingerprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256).ToLowerInvariant();
        return (await (await admin.GetAsync($"{Certificates}/{fingerprint}")).Json(HttpStatusCode.OK)).Value<bool>("revoked");
    }
}
