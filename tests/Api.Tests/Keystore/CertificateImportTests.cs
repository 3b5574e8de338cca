using System.Net;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class CertificateImportTests(ServiceFixture service)
{
    private readonly HttpClient admin = service.Client("admin");

    private static string UniqueEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task A_pem_certificate_is_imported_and_listed_with_its_facts()
    {
        var email = UniqueEmail("alice");
        var certificate = TestCertificates.SelfSigned(email);

        var created = await admin.PostText(Certificates, certificate.Pem);

        var items = (await created.Json(HttpStatusCode.Created))["items"]!.AsArray();
        Assert.Equal(certificate.Fingerprint, items.Single()!.Value<string>("fingerprint"));
        Assert.Equal($"{Certificates}/{certificate.Fingerprint}", created.Headers.Location?.ToString());
        var entry = Assert.Single(await admin.List($"{Certificates}?email={email.ToUpperInvariant()}"))!;
        Assert.Equal(certificate.Fingerprint, entry.Value<string>("fingerprint"));
        Assert.Equal(certificate.SerialNumber, entry.Value<string>("serialNumber"));
        Assert.Equal(email, entry["emails"]![0]!.GetValue<string>());
        Assert.Equal("RSA", entry.Value<string>("keyAlgorithm"));
        Assert.Equal(2048, entry.Value<int>("keySize"));
        Assert.False(entry.Value<bool>("hasPrivateKey"));
        Assert.False(entry.Value<bool>("expired"));
        Assert.False(entry.Value<bool>("usableForSigning"));
        Assert.True(entry.Value<bool>("usableForEncryption"));
        Assert.Equal("test-admin", entry.Value<string>("importedBy"));
    }

    [Fact]
    public async Task A_der_certificate_is_imported_and_its_pem_served_back()
    {
        var certificate = TestCertificates.SelfSigned(UniqueEmail("der"));

        await (await admin.PostBytes(Certificates, certificate.Der, "application/pkix-cert")).Json(HttpStatusCode.Created);

        var pem = await admin.GetStringAsync($"{Certificates}/{certificate.Fingerprint}/pem");
        Assert.Equal(certificate.Pem.Trim(), pem.Trim());
    }

    [Fact]
    public async Task A_bundle_imports_each_certificate_and_reports_those_already_held()
    {
        var first = TestCertificates.SelfSigned(UniqueEmail("one"));
        var second = TestCertificates.SelfSigned(UniqueEmail("two"));
        await (await admin.PostText(Certificates, first.Pem)).Json(HttpStatusCode.Created);

        var items = (await (await admin.PostBytes(Certificates, TestCertificate.Bundle(first, second), "application/x-pem-file"))
            .Json(HttpStatusCode.Created))["items"]!.AsArray();

        Assert.Equal(["alreadyPresent", "imported"], items.Select(i => i!.Value<string>("status")));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Certificates}/{second.Fingerprint}")).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_fingerprint_is_a_conflict()
    {
        var certificate = TestCertificates.SelfSigned(UniqueEmail("dup"));
        await (await admin.PostText(Certificates, certificate.Pem)).Json(HttpStatusCode.Created);

        var detail = await (await admin.PostText(Certificates, certificate.Pem)).Problem(HttpStatusCode.Conflict);

        Assert.Contains(certificate.Fingerprint, detail);
    }

    [Fact]
    public async Task An_expired_certificate_is_accepted_and_flagged()
    {
        var email = UniqueEmail("expired");
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For(email).Expired());

        await (await admin.PostText(Certificates, certificate.Pem)).Json(HttpStatusCode.Created);

        var entry = Assert.Single(await admin.List($"{Certificates}?email={email}"))!;
        Assert.True(entry.Value<bool>("expired"));
        Assert.False(entry.Value<bool>("usableForEncryption"));
        Assert.Contains(await admin.List($"{Certificates}?expired=true"), e => e!.Value<string>("fingerprint") == certificate.Fingerprint);
        Assert.DoesNotContain(await admin.List($"{Certificates}?expired=false"), e => e!.Value<string>("fingerprint") == certificate.Fingerprint);
    }

    [Fact]
    public async Task A_ca_certificate_imported_as_a_trust_anchor_is_shown_as_one()
    {
        var ca = TestCa.Create($"CA {Guid.NewGuid():N}");
        var identity = TestCertificates.SelfSigned(UniqueEmail("identity"));

        var response = await admin.PostText(TrustAnchors, ca.Certificate.Pem);
        await (await admin.PostText(Certificates, identity.Pem)).Json(HttpStatusCode.Created);

        await response.Json(HttpStatusCode.Created);
        Assert.Equal($"{Certificates}/{ca.Certificate.Fingerprint}", response.Headers.Location?.OriginalString);
        var entry = await (await admin.GetAsync($"{Certificates}/{ca.Certificate.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.True(entry.Value<bool>("isCertificateAuthority"));
        Assert.True(entry.Value<bool>("trustAnchor"));
        Assert.False((await (await admin.GetAsync($"{Certificates}/{identity.Fingerprint}")).Json(HttpStatusCode.OK)).Value<bool>("trustAnchor"));
    }

    [Fact]
    public async Task A_ca_certificate_without_e_mail_imported_as_a_certificate_is_refused_with_the_way_to_trust_it()
    {
        var ca = TestCa.Create($"CA {Guid.NewGuid():N}");

        var detail = await (await admin.PostText(Certificates, ca.Certificate.Pem)).Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("import it as a trust anchor", detail);
    }

    [Fact]
    public async Task A_held_certificate_is_made_a_trust_anchor_only_by_removing_it_first()
    {
        var ca = TestCa.Create(CertificateOptions.CertificateAuthority($"CA {Guid.NewGuid():N}") with { Emails = [UniqueEmail("ca")] });
        await (await admin.PostText(Certificates, ca.Certificate.Pem)).Json(HttpStatusCode.Created);

        var detail = await (await admin.PostText(TrustAnchors, ca.Certificate.Pem)).Problem(HttpStatusCode.Conflict);
        await admin.DeleteAsync($"{Certificates}/{ca.Certificate.Fingerprint}");
        await (await admin.PostText(TrustAnchors, ca.Certificate.Pem)).Json(HttpStatusCode.Created);

        Assert.Contains("remove it, then import it as a trust anchor", detail);
        Assert.True((await (await admin.GetAsync($"{Certificates}/{ca.Certificate.Fingerprint}")).Json(HttpStatusCode.OK)).Value<bool>("trustAnchor"));
    }

    [Fact]
    public async Task Fingerprints_are_found_in_any_spelling()
    {
        var certificate = TestCertificates.SelfSigned(UniqueEmail("spelling"));
        await (await admin.PostText(Certificates, certificate.Pem)).Json(HttpStatusCode.Created);
        var colons = string.Join(':', certificate.Fingerprint.ToUpperInvariant().Chunk(2).Select(c => new string(c)));

        var entry = await (await admin.GetAsync($"{Certificates}/{colons}")).Json(HttpStatusCode.OK);

        Assert.Equal(certificate.Fingerprint, entry.Value<string>("fingerprint"));
    }

    [Fact]
    public async Task Removing_a_certificate_keeps_it_out_of_the_list_and_allows_a_new_import()
    {
        var email = UniqueEmail("removed");
        var certificate = TestCertificates.SelfSigned(email);
        await (await admin.PostText(Certificates, certificate.Pem)).Json(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Certificates}/{certificate.Fingerprint}")).StatusCode);

        Assert.Empty(await admin.List($"{Certificates}?email={email}"));
        await (await admin.GetAsync($"{Certificates}/{certificate.Fingerprint}")).Problem(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"{Certificates}/{certificate.Fingerprint}")).Problem(HttpStatusCode.NotFound);
        await (await admin.PostText(Certificates, certificate.Pem)).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Certificates_expiring_soon_are_listed_for_renewal()
    {
        var soon = TestCertificates.SelfSigned(CertificateOptions.For(UniqueEmail("soon")) with { NotAfter = DateTimeOffset.UtcNow.AddDays(10) });
        var later = TestCertificates.SelfSigned(UniqueEmail("later"));
        await (await admin.PostBytes(Certificates, TestCertificate.Bundle(soon, later))).Json(HttpStatusCode.Created);

        var fingerprints = (await admin.List($"{Certificates}?expiresWithinDays=30")).Select(e => e!.Value<string>("fingerprint")).ToList();

        Assert.Contains(soon.Fingerprint, fingerprints);
        Assert.DoesNotContain(later.Fingerprint, fingerprints);
    }
}
