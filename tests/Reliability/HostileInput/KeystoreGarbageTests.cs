using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using SecureMail.Reliability.Harness;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using Xunit.Abstractions;

namespace SecureMail.Reliability.HostileInput;

/// <summary>Promise 5, keystore: malformed certificates, keys and CRLs (truncated DER, wrong PEM labels, bogus passwords,
/// oversized uploads, garbage) are refused with 4xx; random mutations of valid material never get a 5xx.</summary>
public class KeystoreGarbageTests(ITestOutputHelper output)
{
    private const string Certificates = "/api/v1/keystore/smime/certificates";
    private const string TrustAnchors = "/api/v1/keystore/smime/trust-anchors";
    private const string PrivateKeys = "/api/v1/keystore/smime/private-keys";
    private const string Crls = "/api/v1/keystore/smime/crls";
    private const string PgpKeys = "/api/v1/keystore/pgp/keys";
    private const int UploadLimit = 65536;
    private static readonly int MutantsPerSample = Scale.Pick(fast: 15, soak: 300);

    /// <param name="Malformed">Must be refused (4xx); otherwise only a 5xx is a failure.</param>
    private sealed record Upload(string Name, string Route, byte[] File, string? SecretField, string? Secret, bool Malformed, bool Multipart);

    [ReliabilityFact]
    public async Task Malformed_material_gets_4xx_and_nothing_gets_a_5xx()
    {
        await using var deployment = await Deployment.StartAsync("keystore_garbage");
        var email = $"garbage-{Guid.NewGuid():N}@example.com";
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For(email) with { Key = TestKeys.Generate() });
        var ca = TestCa.Create();
        var crl = ca.Revoke(ca.Issue($"revoked-{Guid.NewGuid():N}@example.com"));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var pkcs12 = certificate.ToPkcs12(password);
        var pgp = PgpTestKeys.Create("Garbage", email, passphrase: $"pass {Convert.ToHexString(RandomNumberGenerator.GetBytes(12))}");
        deployment.MustNeverLog(password);
        deployment.MustNeverLog(pgp.Passphrase!);

        var uploads = Deliberate(certificate, crl, pkcs12, password, pgp).ToList();
        var random = new Random(20261128);
        var samples = new Upload[]
        {
            new("certificate DER", Certificates, certificate.Der, null, null, false, false),
            new("certificate PEM", Certificates, certificate.PemBytes, null, null, false, false),
            new("trust anchor PEM", TrustAnchors, ca.Certificate.PemBytes, null, null, false, false),
            new("CRL DER", Crls, crl.Der, null, null, false, false),
            new("PKCS#12", PrivateKeys, pkcs12, "password", password, false, true),
            new("PKCS#8 PEM", PrivateKeys, Encoding.ASCII.GetBytes(certificate.PrivateKeyPem), "password", null, false, true),
            new("PGP public armored", PgpKeys, Encoding.ASCII.GetBytes(pgp.PublicKeyArmored()), null, null, false, false),
            new("PGP public binary", PgpKeys, pgp.PublicKeyBinary(), null, null, false, false),
            new("PGP secret armored", PgpKeys, Encoding.ASCII.GetBytes(pgp.SecretKeyArmored()), "passphrase", pgp.Passphrase, false, true),
        };
        foreach (var sample in samples)
            for (var i = 0; i < MutantsPerSample; i++)
                uploads.Add(sample with { Name = $"mutated {sample.Name}", File = Mutate(sample.File, random) });

        using var admin = deployment.Node.Client("admin");
        var tally = new Tally();
        var wrong = new List<string>();
        foreach (var upload in uploads)
        {
            var (response, outcome) = await tally.Send(() => admin.PostAsync(upload.Route, Content(upload)));
            var status = (int?)response?.StatusCode;
            if (status is null or >= 500 || (upload.Malformed && status is not (>= 400 and < 500)))
                wrong.Add($"{upload.Name} -> {outcome}: {(response is null ? "" : await response.Content.ReadAsStringAsync())}");
        }

        new Figures(output, "keystore-garbage").Report(
            $"{uploads.Count(u => u.Malformed)} malformed uploads and {uploads.Count(u => !u.Malformed)} mutations of valid material: {tally}");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(deployment.Node.IsRunning);
    }

    private static IEnumerable<Upload> Deliberate(TestCertificate certificate, TestCrl crl, byte[] pkcs12, string password, PgpTestKey pgp)
    {
        Upload Bad(string name, string route, byte[] file, string? field = null, string? secret = null, bool multipart = false) =>
            new(name, route, file, field, secret, true, multipart);
        foreach (var fraction in new[] { 0.1, 0.5, 0.9 })
        {
            yield return Bad($"certificate DER cut at {fraction:P0}", Certificates, Cut(certificate.Der, fraction));
            yield return Bad($"CRL DER cut at {fraction:P0}", Crls, Cut(crl.Der, fraction));
            yield return Bad($"PKCS#12 cut at {fraction:P0}", PrivateKeys, Cut(pkcs12, fraction), "password", password, true);
            yield return Bad($"PGP public key cut at {fraction:P0}", PgpKeys, Cut(pgp.PublicKeyBinary(), fraction));
        }
        yield return Bad("certificate DER one byte short", Certificates, certificate.Der[..^1]);
        yield return Bad("certificate under a PRIVATE KEY label", Certificates, Pem("PRIVATE KEY", certificate.Der));
        yield return Bad("private key under a CERTIFICATE label", Certificates, Pem("CERTIFICATE", certificate.Pkcs8Der));
        yield return Bad("CRL under a CERTIFICATE label", Certificates, Pem("CERTIFICATE", crl.Der));
        yield return Bad("certificate under an X509 CRL label", Crls, Pem("X509 CRL", certificate.Der));
        yield return Bad("certificate under a PGP label", PgpKeys, Pem("PGP PUBLIC KEY BLOCK", certificate.Der));
        yield return Bad("PGP key under a CERTIFICATE label", Certificates, Encoding.ASCII.GetBytes(pgp.PublicKeyArmored().Replace("PGP PUBLIC KEY BLOCK", "CERTIFICATE")));
        yield return Bad("certificate under an ENCRYPTED PRIVATE KEY label", PrivateKeys, Pem("ENCRYPTED PRIVATE KEY", certificate.Der), "password", password, true);
        yield return Bad("PEM without its END line", Certificates, Encoding.ASCII.GetBytes(certificate.Pem.Split("-----END")[0]));
        yield return Bad("PEM with broken base64", Certificates, Encoding.ASCII.GetBytes(certificate.Pem.Insert(40, "!!**~~")));
        yield return Bad("PKCS#12 with a wrong password", PrivateKeys, pkcs12, "password", "not-the-password", true);
        yield return Bad("PKCS#12 without a password", PrivateKeys, pkcs12, null, null, true);
        yield return Bad("PKCS#12 with an empty password", PrivateKeys, pkcs12, "password", "", true);
        yield return Bad("PKCS#12 with a 10 kB password", PrivateKeys, pkcs12, "password", new string('p', 10_000), true);
        yield return Bad("PKCS#12 with a NUL in the password", PrivateKeys, pkcs12, "password", password + "\0", true);
        yield return Bad("encrypted PKCS#8 with a wrong passphrase", PrivateKeys, Encoding.ASCII.GetBytes(certificate.EncryptedPrivateKeyPem(password)), "password", "wrong", true);
        yield return Bad("PGP secret key with a wrong passphrase", PgpKeys, Encoding.ASCII.GetBytes(pgp.SecretKeyArmored()), "passphrase", "wrong", true);
        yield return Bad("PGP secret key without its passphrase", PgpKeys, Encoding.ASCII.GetBytes(pgp.SecretKeyArmored()), null, null, true);
        foreach (var route in new[] { Certificates, TrustAnchors, Crls, PgpKeys })
        {
            yield return Bad($"oversized upload to {route}", route, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(certificate.Pem, UploadLimit / certificate.Pem.Length + 1))));
            yield return Bad($"empty upload to {route}", route, []);
            yield return Bad($"random bytes to {route}", route, RandomNumberGenerator.GetBytes(3000));
        }
        yield return Bad("oversized PKCS#12", PrivateKeys, [.. pkcs12, .. new byte[UploadLimit]], "password", password, true);
        yield return Bad("oversized password", PrivateKeys, pkcs12, "password", new string('p', UploadLimit), true);
        yield return Bad("random bytes as a private key", PrivateKeys, RandomNumberGenerator.GetBytes(3000), "password", password, true);
    }

    private static byte[] Mutate(byte[] file, Random random)
    {
        var copy = (byte[])file.Clone();
        switch (random.Next(3))
        {
            case 0:
                for (var i = random.Next(1, 9); i > 0; i--)
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                return copy;
            case 1:
                return copy[..random.Next(1, copy.Length)];
            default:
                var at = random.Next(copy.Length);
                return [.. copy[..at], .. RandomNumberGenerator.GetBytes(random.Next(1, 64)), .. copy[at..]];
        }
    }

    private static HttpContent Content(Upload upload)
    {
        if (upload.Multipart)
            return Identities.Form(upload.File, upload.SecretField ?? "password", upload.SecretField is null ? null : upload.Secret);
        var content = new ByteArrayContent(upload.File);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static byte[] Cut(byte[] der, double fraction) => der[..(int)(der.Length * fraction)];

    private static byte[] Pem(string label, byte[] der) =>
        Encoding.ASCII.GetBytes($"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks)}\n-----END {label}-----\n");
}
