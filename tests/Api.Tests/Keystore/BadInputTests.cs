using System.Net;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

/// <summary>Every refusal is a 4xx ProblemDetails that names the defect, and the keystore is left as it was.</summary>
[Collection(RunningService.Name)]
public class BadInputTests(ServiceFixture service)
{
    private readonly HttpClient admin = service.Client("admin");

    public static TheoryData<string, string, HttpStatusCode, string> CertificateUploads()
    {
        var valid = TestCertificates.SelfSigned($"valid-{Guid.NewGuid():N}@example.com");
        return new()
        {
            { "garbage", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("this is not a certificate at all")), HttpStatusCode.BadRequest, "" },
            { "truncated DER", Convert.ToBase64String(valid.Der[..(valid.Der.Length / 2)]), HttpStatusCode.BadRequest, "" },
            { "private key PEM label", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(valid.PrivateKeyPem)), HttpStatusCode.BadRequest, "" },
            { "no e-mail", Convert.ToBase64String(TestCertificates.SelfSigned(new CertificateOptions().WithoutEmail()).Der), HttpStatusCode.UnprocessableEntity, "e-mail" },
            { "server-only EKU", Convert.ToBase64String(TestCertificates.SelfSigned(CertificateOptions.For("tls@example.com") with { ExtendedKeyUsages = ["serverAuth"] }).Der), HttpStatusCode.UnprocessableEntity, "emailProtection" },
        };
    }

    [Theory]
    [MemberData(nameof(CertificateUploads))]
    public async Task Bad_certificate_uploads_are_refused_and_change_nothing(string defect, string base64, HttpStatusCode status, string named)
    {
        var before = await admin.List(Certificates);

        var detail = await (await admin.PostBytes(Certificates, Convert.FromBase64String(base64))).Problem(status);

        Assert.False(string.IsNullOrWhiteSpace(detail), defect);
        Assert.Contains(named, detail);
        Assert.Equal(before.Count, (await admin.List(Certificates)).Count);
    }

    [Fact]
    public async Task An_empty_body_is_a_bad_request()
    {
        await (await admin.PostBytes(Certificates, [])).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_upload_over_the_configured_limit_is_too_large()
    {
        var detail = await (await admin.PostBytes(Certificates, new byte[65537])).Problem(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("65536", detail);
    }

    [Fact]
    public async Task A_bundle_with_one_bad_certificate_imports_none_of_it()
    {
        var good = TestCertificates.SelfSigned($"good-{Guid.NewGuid():N}@example.com");
        var bad = TestCertificates.SelfSigned(new CertificateOptions().WithoutEmail());

        await (await admin.PostBytes(Certificates, TestCertificate.Bundle(good, bad))).Problem(HttpStatusCode.UnprocessableEntity);

        await (await admin.GetAsync($"{Certificates}/{good.Fingerprint}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_multipart_and_pgp_garbage_are_bad_requests()
    {
        await (await admin.PostBytes(PrivateKeys, "--x\r\nnonsense"u8.ToArray(), "multipart/form-data; boundary=x")).Problem(HttpStatusCode.BadRequest);
        await (await admin.PostFile(PrivateKeys, "garbage"u8.ToArray(), "password", "pw")).Problem(HttpStatusCode.BadRequest);
        await (await admin.PostText(PgpKeys, "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64 at all\n-----END PGP PUBLIC KEY BLOCK-----\n")).Problem(HttpStatusCode.BadRequest);
        await (await admin.PostText(Crls, "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_settings_body_that_is_not_json_is_a_bad_request()
    {
        var response = await admin.PutAsync(SettingsRoute, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
