using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

public class CertificateFactsTests
{
    private readonly BouncyCastleSmimeKeyMaterialReader _reader = new();

    [Fact]
    public void An_issued_leaf_reads_as_it_was_made()
    {
        var ca = TestCa.Create("Facts CA");
        var leaf = ca.Issue(CertificateOptions.For("Alice@Example.com") with { SerialNumber = new(new byte[] { 0x0A, 0xBC }) });

        var facts = Assert.Single(_reader.ReadCertificates(leaf.PemBytes));

        Assert.Equal(leaf.Fingerprint, facts.Fingerprint);
        Assert.Equal("CN=Alice@Example.com,O=SecureMail Tests", facts.Subject);
        Assert.Equal("CN=Facts CA,O=SecureMail Tests", facts.Issuer);
        Assert.Equal("0ABC", facts.SerialNumber);
        Assert.Equal(["alice@example.com"], facts.Emails);
        Assert.Equal(["digitalSignature", "keyEncipherment"], facts.KeyUsages);
        Assert.Equal(["emailProtection"], facts.ExtendedKeyUsages);
        Assert.Equal("RSA", facts.KeyAlgorithm);
        Assert.Equal(2048, facts.KeySize);
        Assert.False(facts.IsCertificateAuthority);
        Assert.Equal(leaf.PublicKeyFingerprint, facts.PublicKeyFingerprint);
        Assert.Equal(Convert.ToBase64String(leaf.Der), facts.Der);
        Assert.Equal(leaf.Certificate.NotAfter, facts.NotAfter.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, facts.NotBefore.Offset);
    }

    [Fact]
    public void Key_identifiers_link_a_leaf_to_its_ca()
    {
        var ca = TestCa.Create();
        var leaf = ca.Issue("bob@example.com");

        var caFacts = Assert.Single(_reader.ReadCertificates(ca.Certificate.Der));
        var leafFacts = Assert.Single(_reader.ReadCertificates(leaf.Der));

        Assert.True(caFacts.IsCertificateAuthority);
        Assert.Equal(["digitalSignature", "keyCertSign", "cRLSign"], caFacts.KeyUsages);
        Assert.Null(caFacts.ExtendedKeyUsages);
        Assert.Empty(caFacts.Emails);
        Assert.Equal(caFacts.Subject, leafFacts.Issuer);
        Assert.Matches("^[0-9a-f]{40}$", caFacts.SubjectKeyIdentifier);
        Assert.Equal(caFacts.SubjectKeyIdentifier, leafFacts.AuthorityKeyIdentifier);
    }

    [Fact]
    public void Emails_come_from_alt_names_and_the_subject_lowercased_once_each()
    {
        var certificate = TestCertificates.SelfSigned(
            CertificateOptions.For("Carol@Example.com", "carol@example.com", "c.other@Example.org") with { EmailInSubject = true });

        var facts = Assert.Single(_reader.ReadCertificates(certificate.PemBytes));

        Assert.Equal(["carol@example.com", "c.other@example.org"], facts.Emails);
        Assert.Contains("E=Carol@Example.com", facts.Subject);
    }

    [Fact]
    public void Missing_extensions_read_as_null_and_other_purposes_by_name_or_oid()
    {
        var bare = TestCertificates.SelfSigned(new CertificateOptions { KeyUsages = null, ExtendedKeyUsages = null }.WithoutEmail());
        var odd = TestCertificates.SelfSigned(new CertificateOptions
        {
            KeyUsages = ["nonRepudiation", "dataEncipherment", "keyAgreement", "encipherOnly", "decipherOnly"],
            ExtendedKeyUsages = ["serverAuth", "clientAuth", "codeSigning", "timeStamping", "OCSPSigning", "anyExtendedKeyUsage", "1.2.3.4.5"],
        });

        var bareFacts = Assert.Single(_reader.ReadCertificates(bare.Der));
        var oddFacts = Assert.Single(_reader.ReadCertificates(odd.Der));

        Assert.Null(bareFacts.KeyUsages);
        Assert.Null(bareFacts.ExtendedKeyUsages);
        Assert.Empty(bareFacts.Emails);
        Assert.Equal(["nonRepudiation", "dataEncipherment", "keyAgreement", "encipherOnly", "decipherOnly"], oddFacts.KeyUsages);
        Assert.Equal(
            ["serverAuth", "clientAuth", "codeSigning", "timeStamping", "OCSPSigning", "anyExtendedKeyUsage", "1.2.3.4.5"],
            oddFacts.ExtendedKeyUsages);
    }

    [Fact]
    public void An_ec_certificate_reads_as_ec_256()
    {
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For("dave@example.com").Ec());

        var facts = Assert.Single(_reader.ReadCertificates(certificate.PemBytes));

        Assert.Equal("EC", facts.KeyAlgorithm);
        Assert.Equal(256, facts.KeySize);
        Assert.Equal(certificate.PublicKeyFingerprint, facts.PublicKeyFingerprint);
    }

    [Fact]
    public void An_expired_certificate_still_reads_with_its_dates()
    {
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For("old@example.com").Expired());

        var facts = Assert.Single(_reader.ReadCertificates(certificate.Der));

        Assert.True(facts.NotAfter < DateTimeOffset.UtcNow);
    }

    [Fact]
    public void A_pem_bundle_yields_every_certificate_in_order()
    {
        var ca = TestCa.Create();
        var alice = ca.Issue("alice@example.com");
        var bob = ca.Issue("bob@example.com");

        var facts = _reader.ReadCertificates(TestCertificate.Bundle(alice, bob, ca.Certificate));

        Assert.Equal([alice.Fingerprint, bob.Fingerprint, ca.Certificate.Fingerprint], facts.Select(f => f.Fingerprint));
    }
}
