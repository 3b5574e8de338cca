using System.Diagnostics;
using System.Net;
using System.Text;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

/// <summary>Weak keys and key protection too costly to open are refused at import, with the reason, and nothing is stored.</summary>
[Collection(RunningService.Name)]
public sealed class KeyPolicyImportTests(ServiceFixture service) : IDisposable
{
    private readonly HttpClient admin = service.Client("admin");
    private readonly OpenSslWorkspace openssl = new();
    private readonly Gpg gpg = new();

    public void Dispose()
    {
        openssl.Dispose();
        gpg.Dispose();
    }

    private static string UniqueEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.com";

    /// <summary>An unreadable upload first, so the timed request does not also pay for the endpoint's first call.</summary>
    private async Task WarmUp(string route) => await (await admin.PostFile(route, [1, 2, 3], "password", "pw")).Problem(HttpStatusCode.BadRequest);

    [Fact]
    public async Task An_rsa_1024_certificate_is_refused_with_its_size_alone_or_with_its_private_key()
    {
        var email = UniqueEmail("small");
        var (keyFile, certificateFile) = openssl.SelfSigned("small", email, "rsa:1024");

        var alone = await (await admin.PostBytes(Certificates, openssl.Read(certificateFile), "application/x-pem-file")).Problem(HttpStatusCode.UnprocessableEntity);
        var withKey = await (await admin.PostFile(PrivateKeys, openssl.Read(openssl.Pkcs12(keyFile, certificateFile, "pw")), "password", "pw"))
            .Problem(HttpStatusCode.UnprocessableEntity);

        foreach (var detail in new[] { alone, withKey })
            Assert.EndsWith("has an RSA key of 1024 bits; at least 2048 bits are required.", detail);
        Assert.Empty(await admin.List($"{Certificates}?email={email}"));
    }

    [Fact]
    public async Task A_certificate_its_ca_signed_with_sha1_is_refused_but_a_sha1_self_signed_one_is_taken()
    {
        var ca = new OpenSslCa(openssl, "Sha One CA");
        var (_, issued) = ca.Issue("issued", UniqueEmail("issued"), "1A", digest: "sha1");
        var (_, selfSigned) = openssl.SelfSigned("self", UniqueEmail("self"), digest: "sha1");

        var refused = await (await admin.PostBytes(Certificates, openssl.Read(issued), "application/x-pem-file")).Problem(HttpStatusCode.UnprocessableEntity);
        await (await admin.PostBytes(Certificates, openssl.Read(selfSigned), "application/x-pem-file")).Json(HttpStatusCode.Created);

        Assert.Contains("has a signature by its issuer made with SHA-1; certificates must be signed with SHA-256 or stronger", refused);
    }

    [Fact]
    public async Task Gpg_dsa_1024_and_sha1_self_signed_keys_and_an_elgamal_768_subkey_are_refused_with_the_reason()
    {
        var dsa = gpg.GenerateKey($"Old Dsa <{UniqueEmail("dsa")}>", "dsa1024", "sign");
        gpg.AddSubkey(dsa, "elg1024", "encr");
        var sha1 = gpg.GenerateKey($"Sha One <{UniqueEmail("sha1")}>", "rsa2048", "sign", options: ["--cert-digest-algo", "SHA1"]);
        var elgamal = PgpTestKeys.Create("Old Elg", UniqueEmail("elg"), passphrase: null, encryptionSubkey: PgpTestKeys.ElGamal768);

        var refusals = new[]
        {
            await (await admin.PostText(PgpKeys, gpg.ExportPublicArmored(dsa))).Problem(HttpStatusCode.UnprocessableEntity),
            await (await admin.PostFile(PgpKeys, Encoding.ASCII.GetBytes(gpg.ExportSecretArmored(dsa)), "passphrase", Gpg.DefaultPassphrase))
                .Problem(HttpStatusCode.UnprocessableEntity),
            await (await admin.PostText(PgpKeys, gpg.ExportPublicArmored(sha1))).Problem(HttpStatusCode.UnprocessableEntity),
            await (await admin.PostText(PgpKeys, elgamal.PublicKeyArmored())).Problem(HttpStatusCode.UnprocessableEntity),
        };

        Assert.Equal($"The PGP key {dsa} has a DSA key of 1024 bits; at least 2048 bits are required.", refusals[0]);
        Assert.Equal(refusals[0], refusals[1]);
        Assert.StartsWith($"The PGP key {sha1} has a self-signature made with SHA-1; self-signatures must use SHA-256 or stronger", refusals[2]);
        Assert.Equal($"The PGP key {elgamal.Fingerprint} has an ElGamal subkey of 768 bits; at least 2048 bits are required.", refusals[3]);
        foreach (var fingerprint in new[] { dsa, sha1, elgamal.Fingerprint })
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{PgpKeys}/{fingerprint}")).StatusCode);
    }

    [Fact]
    public async Task An_openssl_pkcs12_with_10_000_000_iterations_is_refused_quickly_naming_the_cost()
    {
        var (keyFile, certificateFile) = openssl.SelfSigned("costly", UniqueEmail("costly"));
        openssl.Run("pkcs12", "-export", "-inkey", keyFile, "-in", certificateFile, "-out", "costly.p12", "-passout", "pass:pw",
            "-iter", "10000000", "-nomaciter", "-certpbe", "NONE");

        await WarmUp(PrivateKeys);

        var clock = Stopwatch.StartNew();
        var response = await admin.PostFile(PrivateKeys, openssl.Read("costly.p12"), "password", "pw");
        var detail = await response.Problem(HttpStatusCode.UnprocessableEntity);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Refused after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.StartsWith("Opening this PKCS#12 file takes 10,000,001 password-hashing iterations (MAC 1, private key 10,000,000); an import does at most 2,000,000.", detail);
        Assert.Contains("Key protection too costly to open", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_gpg_key_whose_subkeys_add_up_past_the_s2k_budget_is_refused_quickly()
    {
        var fingerprint = gpg.GenerateKey($"Many Subkeys <{UniqueEmail("many")}>", "ed25519", "cert");
        foreach (var usage in new[] { "sign", "auth", "sign", "auth" })
            gpg.AddSubkey(fingerprint, "ed25519", usage);
        var exported = Encoding.ASCII.GetBytes(gpg.ExportSecretArmored(fingerprint, Gpg.DefaultPassphrase, "--s2k-count", "65011712"));

        await WarmUp(PgpKeys);

        var clock = Stopwatch.StartNew();
        var detail = await (await admin.PostFile(PgpKeys, exported, "passphrase", Gpg.DefaultPassphrase)).Problem(HttpStatusCode.UnprocessableEntity);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Refused after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.StartsWith("Opening the secret keys would hash 325,058,560 bytes (5 keys", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{PgpKeys}/{fingerprint}")).StatusCode);
    }
}
