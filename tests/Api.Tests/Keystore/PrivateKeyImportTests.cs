using System.Net;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class PrivateKeyImportTests(ServiceFixture service)
{
    private const string Password = "p12 password";
    private readonly HttpClient admin = service.Client("admin");

    private static TestCertificate NewCertificate(string name) =>
        TestCertificates.SelfSigned(CertificateOptions.For($"{name}-{Guid.NewGuid():N}@example.com") with { Key = TestKeys.Generate() });

    [Fact]
    public async Task A_pkcs12_brings_its_certificate_and_makes_it_usable_for_signing()
    {
        var certificate = NewCertificate("p12");

        var items = (await (await admin.PostFile(PrivateKeys, certificate.ToPkcs12(Password), "password", Password))
            .Json(HttpStatusCode.Created))["items"]!.AsArray();

        Assert.Equal("privateKeyImported", items.Single()!.Value<string>("status"));
        var entry = await (await admin.GetAsync($"{Certificates}/{certificate.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.True(entry.Value<bool>("hasPrivateKey"));
        Assert.True(entry.Value<bool>("usableForSigning"));
    }

    [Fact]
    public async Task A_pkcs8_key_finds_its_certificate_already_held()
    {
        var certificate = NewCertificate("pkcs8");
        await (await admin.PostText(Certificates, certificate.Pem)).Json(HttpStatusCode.Created);

        await (await admin.PostFile(PrivateKeys, System.Text.Encoding.ASCII.GetBytes(certificate.EncryptedPrivateKeyPem("pem pass")), "password", "pem pass"))
            .Json(HttpStatusCode.Created);

        var entry = await (await admin.GetAsync($"{Certificates}/{certificate.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.True(entry.Value<bool>("hasPrivateKey"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message_and_stores_nothing()
    {
        var certificate = NewCertificate("wrong");

        var detail = await (await admin.PostFile(PrivateKeys, certificate.ToPkcs12(Password), "password", "not it"))
            .Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("password", detail, StringComparison.OrdinalIgnoreCase);
        await (await admin.GetAsync($"{Certificates}/{certificate.Fingerprint}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_encrypted_pkcs8_key_without_its_passphrase_is_refused()
    {
        var certificate = NewCertificate("nopass");
        await (await admin.PostText(Certificates, certificate.Pem)).Json(HttpStatusCode.Created);

        await (await admin.PostFile(PrivateKeys, System.Text.Encoding.ASCII.GetBytes(certificate.EncryptedPrivateKeyPem("secret")), "password", null))
            .Problem(HttpStatusCode.UnprocessableEntity);

        var entry = await (await admin.GetAsync($"{Certificates}/{certificate.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.False(entry.Value<bool>("hasPrivateKey"));
    }

    [Fact]
    public async Task A_key_with_no_certificate_in_the_keystore_is_refused()
    {
        var certificate = NewCertificate("orphan");

        var detail = await (await admin.PostFile(PrivateKeys, System.Text.Encoding.ASCII.GetBytes(certificate.PrivateKeyPem), "password", null))
            .Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("No certificate", detail);
    }

    [Fact]
    public async Task The_same_key_twice_is_a_conflict()
    {
        var certificate = NewCertificate("twice");
        await (await admin.PostFile(PrivateKeys, certificate.ToPkcs12(Password), "password", Password)).Json(HttpStatusCode.Created);

        await (await admin.PostFile(PrivateKeys, System.Text.Encoding.ASCII.GetBytes(certificate.PrivateKeyPem), "password", null)).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Removing_a_certificate_destroys_its_private_key()
    {
        var certificate = NewCertificate("destroy");
        await (await admin.PostFile(PrivateKeys, certificate.ToPkcs12(Password), "password", Password)).Json(HttpStatusCode.Created);

        await admin.DeleteAsync($"{Certificates}/{certificate.Fingerprint}");
        await (await admin.PostText(Certificates, certificate.Pem)).Json(HttpStatusCode.Created);

        var entry = await (await admin.GetAsync($"{Certificates}/{certificate.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.False(entry.Value<bool>("hasPrivateKey"));
        Assert.False(await Vault.Holds(service, SecureMail.Domain.Keystore.KeystoreIds.ForCertificate(certificate.Fingerprint)));
    }
}
