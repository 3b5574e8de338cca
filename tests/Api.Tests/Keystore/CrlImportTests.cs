using System.Net;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class CrlImportTests(ServiceFixture service)
{
    private readonly HttpClient admin = service.Client("admin");

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
}
