using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

public sealed class OpenSslPrivateKeyInteropTests : IDisposable
{
    private readonly OpenSslWorkspace _openssl = new();
    private readonly BouncyCastleSmimeKeyMaterialReader _reader = new();

    public void Dispose() => _openssl.Dispose();

    private string CertificatePublicKeyFingerprint(string certificateFile) =>
        Assert.Single(_reader.ReadCertificates(_openssl.Read(certificateFile))).PublicKeyFingerprint;

    private KeyMaterialProblem ProblemOf(string file, string? password) =>
        Assert.Throws<KeyMaterialRejected>(() => _reader.ReadPrivateKey(_openssl.Read(file), password)).Problem;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_openssl_pkcs12_opens_with_its_password_and_brings_its_certificates(bool legacy)
    {
        var ca = new OpenSslCa(_openssl);
        var (keyFile, certificateFile) = ca.Issue("alice", "alice@example.com", "0A");
        var p12 = _openssl.Pkcs12(keyFile, certificateFile, "pa55word", legacy, ca.CertificateFile);

        var key = _reader.ReadPrivateKey(_openssl.Read(p12), "pa55word");

        Assert.Equal(CertificatePublicKeyFingerprint(certificateFile), key.PublicKeyFingerprint);
        Assert.Equal(
            [OpenSslOutput.Fingerprint(_openssl, certificateFile), OpenSslOutput.Fingerprint(_openssl, ca.CertificateFile)],
            key.Certificates.Select(c => c.Fingerprint));
        _openssl.Write("out.pk8", key.Pkcs8);
        Assert.Equal(key.PublicKeyFingerprint, OpenSslOutput.PublicKeyFingerprint(_openssl, "out.pk8", isCertificate: false));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_openssl_pkcs12_refuses_a_wrong_or_missing_password(bool legacy)
    {
        var (keyFile, certificateFile) = _openssl.SelfSigned("bob", "bob@example.com");
        var p12 = _openssl.Pkcs12(keyFile, certificateFile, "pa55word", legacy);

        Assert.Equal(KeyMaterialProblem.WrongPassword, ProblemOf(p12, "Pa55word"));
        Assert.Equal(KeyMaterialProblem.PasswordRequired, ProblemOf(p12, null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_openssl_pkcs12_with_an_empty_password_opens(bool legacy)
    {
        var (keyFile, certificateFile) = _openssl.SelfSigned("carol", "carol@example.com", algorithm: "ec");
        var p12 = _openssl.Pkcs12(keyFile, certificateFile, "", legacy);

        var key = _reader.ReadPrivateKey(_openssl.Read(p12), null);

        Assert.Equal(CertificatePublicKeyFingerprint(certificateFile), key.PublicKeyFingerprint);
        Assert.Equal(OpenSslOutput.Fingerprint(_openssl, certificateFile), Assert.Single(key.Certificates).Fingerprint);
    }

    [Theory]
    [InlineData("rsa", new string[0])]
    [InlineData("ec", new string[0])]
    [InlineData("rsa", new[] { "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1" })]
    [InlineData("rsa", new[] { "-v1", "PBE-SHA1-3DES" })]
    public void An_openssl_encrypted_pkcs8_key_needs_its_passphrase(string algorithm, string[] options)
    {
        var (keyFile, certificateFile) = _openssl.SelfSigned("dave", "dave@example.com", algorithm);
        _openssl.Run(["pkcs8", "-topk8", "-in", keyFile, "-out", "dave.enc.pem", "-passout", "pass:open sesame", .. options]);

        var key = _reader.ReadPrivateKey(_openssl.Read("dave.enc.pem"), "open sesame");

        Assert.Equal(CertificatePublicKeyFingerprint(certificateFile), key.PublicKeyFingerprint);
        Assert.Equal(KeyMaterialProblem.WrongPassword, ProblemOf("dave.enc.pem", "open sesame!"));
        Assert.Equal(KeyMaterialProblem.PasswordRequired, ProblemOf("dave.enc.pem", null));
    }

    [Theory]
    [InlineData("rsa")]
    [InlineData("ec")]
    public void Traditional_openssl_keys_read_plain_and_encrypted(string algorithm)
    {
        var (keyFile, certificateFile) = _openssl.SelfSigned("erin", "erin@example.com", algorithm);
        _openssl.Run("pkey", "-in", keyFile, "-traditional", "-out", "plain.pem");
        _openssl.Run("pkey", "-in", keyFile, "-traditional", "-aes256", "-passout", "pass:pp", "-out", "encrypted.pem");
        var expected = CertificatePublicKeyFingerprint(certificateFile);

        Assert.StartsWith($"-----BEGIN {algorithm.ToUpperInvariant()} PRIVATE KEY-----", File.ReadAllText(_openssl.PathOf("plain.pem")));
        Assert.Contains("Proc-Type: 4,ENCRYPTED", File.ReadAllText(_openssl.PathOf("encrypted.pem")));
        Assert.Equal(expected, _reader.ReadPrivateKey(_openssl.Read("plain.pem"), null).PublicKeyFingerprint);
        Assert.Equal(expected, _reader.ReadPrivateKey(_openssl.Read("encrypted.pem"), "pp").PublicKeyFingerprint);
        Assert.Equal(KeyMaterialProblem.WrongPassword, ProblemOf("encrypted.pem", "qq"));
        Assert.Equal(KeyMaterialProblem.PasswordRequired, ProblemOf("encrypted.pem", null));
    }

    [Fact]
    public void Ed25519_keys_and_scrypt_encryption_are_unsupported()
    {
        _openssl.Run("genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        var (keyFile, _) = _openssl.SelfSigned("frank", "frank@example.com");
        _openssl.Run("pkcs8", "-topk8", "-scrypt", "-in", keyFile, "-out", "scrypt.pem", "-passout", "pass:pp");

        Assert.Equal(KeyMaterialProblem.Unsupported, ProblemOf("ed.pem", null));
        Assert.Equal(KeyMaterialProblem.Unsupported, ProblemOf("scrypt.pem", "pp"));
    }
}
