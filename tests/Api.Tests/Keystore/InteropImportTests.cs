using System.Net;
using System.Text;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

/// <summary>What an admin really uploads: files made by openssl and exported by gpg, through the HTTP API.</summary>
[Collection(RunningService.Name)]
public class InteropImportTests(ServiceFixture service)
{
    private readonly HttpClient admin = service.Client("admin");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_openssl_pkcs12_imports_its_certificate_and_key(bool legacy)
    {
        using var openssl = new OpenSslWorkspace();
        var email = $"openssl-{Guid.NewGuid():N}@example.com";
        var (keyFile, certificateFile) = openssl.SelfSigned("interop", email);
        var p12 = openssl.Pkcs12(keyFile, certificateFile, "openssl pass", legacy);

        await (await admin.PostFile(PrivateKeys, openssl.Read(p12), "password", "wrong")).Problem(HttpStatusCode.UnprocessableEntity);
        await (await admin.PostFile(PrivateKeys, openssl.Read(p12), "password", "openssl pass")).Json(HttpStatusCode.Created);

        var entry = Assert.Single(await admin.List($"{Certificates}?email={email}"))!;
        var fingerprint = openssl.Run("x509", "-in", certificateFile, "-noout", "-fingerprint", "-sha256").Split('=')[1].Trim();
        Assert.Equal(fingerprint.Replace(":", "").ToLowerInvariant(), entry.Value<string>("fingerprint"));
        Assert.True(entry.Value<bool>("hasPrivateKey"));
        Assert.True(entry.Value<bool>("usableForSigning"));
    }

    [Fact]
    public async Task A_gpg_exported_secret_key_imports_with_its_passphrase()
    {
        using var gpg = new Gpg();
        var email = $"gpg-{Guid.NewGuid():N}@example.com";
        var fingerprint = gpg.GenerateKey($"Gpg User <{email}>", "rsa2048", "sign");
        gpg.AddSubkey(fingerprint, "rsa2048", "encr");
        var secret = Encoding.ASCII.GetBytes(gpg.ExportSecretArmored(fingerprint));

        await (await admin.PostFile(PgpKeys, secret, "passphrase", "not the passphrase")).Problem(HttpStatusCode.UnprocessableEntity);
        await (await admin.PostFile(PgpKeys, secret, "passphrase", Gpg.DefaultPassphrase)).Json(HttpStatusCode.Created);

        var entry = Assert.Single(await admin.List($"{PgpKeys}?email={email}"))!;
        Assert.Equal(fingerprint, entry.Value<string>("fingerprint"));
        Assert.True(entry.Value<bool>("usableForSigning"));
        Assert.True(entry.Value<bool>("usableForEncryption"));
    }
}
