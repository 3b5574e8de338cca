using System.Net;
using System.Security.Cryptography;
using System.Text;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;

namespace SecureMail.Reliability.Harness;

/// <summary>A group's S/MIME identity (imported as PKCS#12 with a password) and PGP key (imported as an armored secret key
/// with a passphrase), with every spelling of their secrets that must never appear in a log.</summary>
public sealed record Identity(TestCertificate Certificate, string Password, PgpTestKey PgpKey)
{
    public IEnumerable<string> Secrets() =>
        new[] { Password, PgpKey.Passphrase! }
            .Concat(Spellings(Certificate.Pkcs8Der[^48..]))
            .Concat(Spellings(PrivateExponent(Certificate.Key.Private)))
            .Concat(Spellings(PrivateExponent(PgpKey.PrivateSigningKey().Key)))
            .Concat(Spellings(PrivateExponent(PgpKey.PrivateEncryptionKey().Key)));

    private static byte[] PrivateExponent(Org.BouncyCastle.Crypto.AsymmetricKeyParameter key) =>
        ((Org.BouncyCastle.Crypto.Parameters.RsaPrivateCrtKeyParameters)key).Exponent.ToByteArrayUnsigned()[..48];

    /// <summary>Hex in both cases, and base64 at each of the three byte alignments (a window of the key inside a longer
    /// base64 text encodes differently depending on where it starts).</summary>
    private static IEnumerable<string> Spellings(byte[] secret)
    {
        yield return Convert.ToHexString(secret[..32]);
        yield return Convert.ToHexStringLower(secret[..32]);
        for (var offset = 0; offset < 3; offset++)
            yield return Convert.ToBase64String(secret[offset..])[4..40];
    }
}

public static class Identities
{
    /// <summary>Imports a fresh S/MIME identity and PGP key for the helpdesk's address through the admin API.</summary>
    public static async Task<Identity> ImportAsync(Helpdesk helpdesk, ServiceNode node)
    {
        using var admin = node.Client("admin");
        var password = $"pkcs12-{Convert.ToHexString(RandomNumberGenerator.GetBytes(12))}";
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For(helpdesk.Address) with { Key = TestKeys.Generate() });
        await Helpdesk.Expect(await admin.PostAsync("/api/v1/keystore/smime/private-keys", Form(certificate.ToPkcs12(password), "password", password)), HttpStatusCode.Created);
        var pgp = PgpTestKeys.Create(helpdesk.Name, helpdesk.Address, passphrase: $"passphrase {Convert.ToHexString(RandomNumberGenerator.GetBytes(12))}");
        await Helpdesk.Expect(await admin.PostAsync("/api/v1/keystore/pgp/keys", Form(Encoding.ASCII.GetBytes(pgp.SecretKeyArmored()), "passphrase", pgp.Passphrase!)), HttpStatusCode.Created);
        return new Identity(certificate, password, pgp);
    }

    public static MultipartFormDataContent Form(byte[] file, string secretField, string? secret)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "upload.bin" } };
        if (secret is not null)
            form.Add(new StringContent(secret), secretField);
        return form;
    }
}
