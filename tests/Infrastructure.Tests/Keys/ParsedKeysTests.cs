using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;
using SecureMail.Infrastructure.Keys;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Keys;

/// <summary>Certificates and private keys parsed once per distinct bytes (ADR 16), and still the right keys.</summary>
public class ParsedKeysTests
{
    [Fact]
    public void A_certificate_a_message_carries_is_swapped_for_the_cached_one_with_the_same_bytes()
    {
        var certificate = TestCertificates.SelfSigned("cache-a@example.com");

        var cached = ParsedKeys.Certificate(certificate.Der);
        var carried = ParsedKeys.Certificate(new X509CertificateParser().ReadCertificate(certificate.Der));

        Assert.Same(cached, carried);
        Assert.NotSame(cached, ParsedKeys.Certificate(TestCertificates.SelfSigned("cache-b@example.com").Der));
    }

    [Fact]
    public void A_private_key_is_parsed_once_and_a_different_key_is_not_served_from_the_cache()
    {
        var alice = TestCertificates.SelfSigned("cache-alice@example.com");
        var bob = TestCertificates.SelfSigned("cache-bob@example.com");

        Assert.Same(ParsedKeys.PrivateKey(alice.Pkcs8Der), ParsedKeys.PrivateKey(alice.Pkcs8Der));
        Assert.Equal(alice.Key.Private, ParsedKeys.PrivateKey(alice.Pkcs8Der));
        Assert.Equal(bob.Key.Private, ParsedKeys.PrivateKey(bob.Pkcs8Der));
    }

    [Fact]
    public void The_system_key_signs_what_the_certificate_verifies()
    {
        var certificate = TestCertificates.SelfSigned("cache-openssl@example.com");
        var data = "a message digest to sign"u8.ToArray();

        var key = (RSA)ParsedKeys.SystemPrivateKey(certificate.Pkcs8Der);
        byte[] signature;
        lock (key)
            signature = key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        using var verifier = X509CertificateLoader.LoadCertificate(certificate.Der).GetRSAPublicKey()!;
        Assert.True(verifier.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Same(key, ParsedKeys.SystemPrivateKey(certificate.Pkcs8Der));
    }
}
