using System.Text;
using Org.BouncyCastle.Asn1.Pkcs;
using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

public class PrivateKeyTests
{
    private readonly BouncyCastleSmimeKeyMaterialReader _reader = new();

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void A_plain_pkcs8_key_matches_its_certificate()
    {
        var certificate = TestCertificates.SelfSigned("alice@example.com");
        var certificateFacts = Assert.Single(_reader.ReadCertificates(certificate.Der));

        var key = _reader.ReadPrivateKey(Ascii(certificate.PrivateKeyPem), password: null);

        Assert.Equal(certificateFacts.PublicKeyFingerprint, key.PublicKeyFingerprint);
        Assert.Equal(PkcsObjectIdentifiers.RsaEncryption, PrivateKeyInfo.GetInstance(key.Pkcs8).PrivateKeyAlgorithm.Algorithm);
        Assert.Empty(key.Certificates);
    }

    [Fact]
    public void Keys_of_different_certificates_do_not_match()
    {
        var alice = TestCertificates.SelfSigned("alice@example.com");
        var bob = TestCertificates.SelfSigned("bob@example.com");

        var key = _reader.ReadPrivateKey(Ascii(alice.PrivateKeyPem), null);

        Assert.NotEqual(bob.PublicKeyFingerprint, key.PublicKeyFingerprint);
        Assert.Equal(alice.PublicKeyFingerprint, key.PublicKeyFingerprint);
    }

    [Fact]
    public void An_ec_key_matches_its_certificate_and_stays_on_its_named_curve()
    {
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For("ec@example.com").Ec());

        var key = _reader.ReadPrivateKey(Ascii(certificate.PrivateKeyPem), null);

        Assert.Equal(certificate.PublicKeyFingerprint, key.PublicKeyFingerprint);
        var reread = _reader.ReadPrivateKey(Ascii($"-----BEGIN PRIVATE KEY-----\n{Convert.ToBase64String(key.Pkcs8)}\n-----END PRIVATE KEY-----\n"), null);
        Assert.Equal(key.PublicKeyFingerprint, reread.PublicKeyFingerprint);
    }

    [Fact]
    public void An_encrypted_pkcs8_key_opens_with_its_passphrase_only()
    {
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For("enc@example.com") with { Key = TestKeys.Shared(slot: 1) });
        var pem = Ascii(certificate.EncryptedPrivateKeyPem("correct horse"));

        Assert.Equal(certificate.PublicKeyFingerprint, _reader.ReadPrivateKey(pem, "correct horse").PublicKeyFingerprint);
        Assert.Equal(KeyMaterialProblem.WrongPassword, Assert.Throws<KeyMaterialRejected>(() => _reader.ReadPrivateKey(pem, "wrong")).Problem);
        Assert.Equal(KeyMaterialProblem.PasswordRequired, Assert.Throws<KeyMaterialRejected>(() => _reader.ReadPrivateKey(pem, null)).Problem);
        Assert.Equal(KeyMaterialProblem.PasswordRequired, Assert.Throws<KeyMaterialRejected>(() => _reader.ReadPrivateKey(pem, "")).Problem);
    }

    [Fact]
    public void A_pkcs12_brings_the_keys_certificate_first_then_its_chain()
    {
        var root = TestCa.Create();
        var intermediate = root.IssueIntermediate();
        var leaf = intermediate.Issue("p12@example.com");

        var key = _reader.ReadPrivateKey(leaf.ToPkcs12("secret", intermediate.Certificate, root.Certificate), "secret");

        Assert.Equal(leaf.PublicKeyFingerprint, key.PublicKeyFingerprint);
        Assert.Equal(
            [leaf.Fingerprint, intermediate.Certificate.Fingerprint, root.Certificate.Fingerprint],
            key.Certificates.Select(c => c.Fingerprint));
        Assert.True(key.Certificates[1].IsCertificateAuthority);
        Assert.Equal(key.PublicKeyFingerprint, key.Certificates[0].PublicKeyFingerprint);
    }

    [Fact]
    public void A_pkcs12_refuses_a_wrong_or_missing_password_without_echoing_it()
    {
        var p12 = TestCertificates.SelfSigned(CertificateOptions.For("p12@example.com") with { Key = TestKeys.Shared(slot: 2) })
            .ToPkcs12("s3cret-Pa55");

        var wrong = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadPrivateKey(p12, "guess-Pa55"));
        var missing = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadPrivateKey(p12, null));

        Assert.Equal(KeyMaterialProblem.WrongPassword, wrong.Problem);
        Assert.DoesNotContain("Pa55", wrong.Message);
        Assert.Equal(KeyMaterialProblem.PasswordRequired, missing.Problem);
    }

    [Fact]
    public void A_pkcs12_with_an_empty_password_opens_without_one()
    {
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For("empty@example.com") with { Key = TestKeys.Shared(slot: 3) });
        var p12 = certificate.ToPkcs12("");

        Assert.Equal(certificate.PublicKeyFingerprint, _reader.ReadPrivateKey(p12, null).PublicKeyFingerprint);
        Assert.Equal(certificate.PublicKeyFingerprint, _reader.ReadPrivateKey(p12, "").PublicKeyFingerprint);
    }

    public static TheoryData<string, byte[]> UnreadableKeys()
    {
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For("x@example.com") with { Key = TestKeys.Shared() });
        return new()
        {
            { "empty", [] },
            { "garbage", [0x30, 0x82, 0xFF, 0xFF, 0x01] },
            { "certificate PEM", certificate.PemBytes },
            { "certificate DER", certificate.Der },
            { "truncated PKCS#12", certificate.ToPkcs12("pw")[..100] },
            { "PRIVATE KEY block of garbage", Ascii("-----BEGIN PRIVATE KEY-----\nAAECAwQ=\n-----END PRIVATE KEY-----\n") },
            { "RSA PRIVATE KEY block of garbage", Ascii("-----BEGIN RSA PRIVATE KEY-----\nAAECAwQ=\n-----END RSA PRIVATE KEY-----\n") },
        };
    }

    [Theory]
    [MemberData(nameof(UnreadableKeys))]
    public void Unreadable_keys_are_rejected_as_unreadable(string _, byte[] data)
    {
        var rejected = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadPrivateKey(data, "pw"));

        Assert.Equal(KeyMaterialProblem.Unreadable, rejected.Problem);
    }

    [Fact]
    public void A_dsa_pem_label_is_unsupported()
    {
        var rejected = Assert.Throws<KeyMaterialRejected>(
            () => _reader.ReadPrivateKey(Ascii("-----BEGIN DSA PRIVATE KEY-----\nAAECAwQ=\n-----END DSA PRIVATE KEY-----\n"), null));

        Assert.Equal(KeyMaterialProblem.Unsupported, rejected.Problem);
    }
}
