using System.Text;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.TestKit.Outgoing;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>What the composer sends, opened by OpenSSL: each recipient decrypts, the signature verifies against the
/// root alone (the intermediate travels in the message), AES-256 and SHA-256 are what was used.</summary>
public sealed class SmimeOpenSslInteropTests : IDisposable
{
    private const string Aes256CbcOid = "2.16.840.1.101.3.4.1.42";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    private static readonly TestCa Root = TestCa.Create("Outgoing Test Root CA");
    private static readonly TestCa Intermediate = Root.IssueIntermediate("Outgoing Test Intermediate CA");
    private static readonly TestCertificate Agent = Intermediate.Issue("support@example.com");
    private static readonly TestCertificate Carol = Root.Issue("carol@example.org");
    private static readonly TestCertificate Dave = Root.Issue("dave@example.net");

    private readonly OpenSslWorkspace _openssl = new();
    private readonly MimeKitOutgoingMailComposer _composer = new();

    public SmimeOpenSslInteropTests()
    {
        _openssl.Write("root.pem", Root.Certificate.PemBytes);
        foreach (var (name, certificate) in new[] { ("agent", Agent), ("carol", Carol), ("dave", Dave) })
        {
            _openssl.Write($"{name}.pem", certificate.PemBytes);
            _openssl.Write($"{name}.key", Encoding.ASCII.GetBytes(certificate.PrivateKeyPem));
        }
    }

    [Fact]
    public void A_signed_mail_verifies_against_the_root_and_names_the_signer()
    {
        var composed = Compose(OutgoingMessages.WithAttachments(), signed: true);

        Assert.StartsWith("multipart/signed", RawMime.Header(composed.Raw, "Content-Type"));
        Assert.Contains("protocol=\"application/pkcs7-signature\"", RawMime.Header(composed.Raw, "Content-Type"));
        Assert.Contains("micalg=sha-256", RawMime.Header(composed.Raw, "Content-Type"));
        _openssl.Write("mail.eml", composed.Raw);
        Cms("-verify", "-in", "mail.eml", "-CAfile", "root.pem", "-out", "content.eml", "-signer", "signer.pem");

        AssertContent(_openssl.Read("content.eml"), withAttachments: true);
        Assert.Equal(Agent.Pem.Trim(), Encoding.ASCII.GetString(_openssl.Read("signer.pem")).Trim());
        Assert.Contains(Sha256Oid, Cms("-cmsout", "-print", "-in", "mail.eml"));
        Assert.Equal(("SHA-256", (string?)null, Agent.Fingerprint), (composed.DigestAlgorithm, composed.Cipher, composed.SignerKeyFingerprint));
    }

    [Fact]
    public void A_self_signed_signer_verifies_with_its_own_certificate_as_anchor()
    {
        var selfSigned = TestCertificates.SelfSigned("support@example.com");
        var composed = _composer.Compose(OutgoingMessages.Simple(),
            new SmimeProtection(new SmimeSigner(selfSigned.Fingerprint, selfSigned.Der, [], selfSigned.Pkcs8Der), []));

        _openssl.Write("mail.eml", composed.Raw);
        _openssl.Write("self.pem", selfSigned.PemBytes);
        Cms("-verify", "-in", "mail.eml", "-noverify", "-out", "content.eml", "-signer", "signer.pem");

        AssertContent(_openssl.Read("content.eml"), withAttachments: false);
        Assert.Equal(selfSigned.Pem.Trim(), Encoding.ASCII.GetString(_openssl.Read("signer.pem")).Trim());
    }

    [Fact]
    public void An_EC_signer_signs_with_ECDSA_and_verifies()
    {
        var ec = Intermediate.Issue(CertificateOptions.For("support@example.com").Ec());
        var composed = _composer.Compose(OutgoingMessages.Simple(),
            new SmimeProtection(new SmimeSigner(ec.Fingerprint, ec.Der, [Intermediate.Certificate.Der, Root.Certificate.Der], ec.Pkcs8Der), []));

        _openssl.Write("mail.eml", composed.Raw);
        Cms("-verify", "-in", "mail.eml", "-CAfile", "root.pem", "-out", "content.eml");

        AssertContent(_openssl.Read("content.eml"), withAttachments: false);
        Assert.Contains("ecdsa-with-SHA256", Cms("-cmsout", "-print", "-in", "mail.eml"));
    }

    [Fact]
    public void An_encrypted_mail_decrypts_with_openssl_and_uses_AES_256_CBC()
    {
        var composed = Compose(OutgoingMessages.WithAttachments(), signed: false, Carol);

        Assert.Contains("smime-type=enveloped-data", RawMime.Header(composed.Raw, "Content-Type"));
        _openssl.Write("mail.eml", composed.Raw);
        Cms("-decrypt", "-in", "mail.eml", "-recip", "carol.pem", "-inkey", "carol.key", "-out", "content.eml");

        AssertContent(_openssl.Read("content.eml"), withAttachments: true);
        Assert.Contains(Aes256CbcOid, Cms("-cmsout", "-print", "-in", "mail.eml"));
        Assert.Equal(((string?)null, "AES-256-CBC", (string?)null), (composed.DigestAlgorithm, composed.Cipher, composed.SignerKeyFingerprint));
    }

    [Fact]
    public void A_signed_and_encrypted_mail_decrypts_then_verifies()
    {
        var composed = Compose(OutgoingMessages.WithAttachments(), signed: true, Carol);

        _openssl.Write("mail.eml", composed.Raw);
        Cms("-decrypt", "-in", "mail.eml", "-recip", "carol.pem", "-inkey", "carol.key", "-out", "signed.eml");
        Assert.StartsWith("multipart/signed", RawMime.Header(_openssl.Read("signed.eml"), "Content-Type"));
        Cms("-verify", "-in", "signed.eml", "-CAfile", "root.pem", "-out", "content.eml", "-signer", "signer.pem");

        AssertContent(_openssl.Read("content.eml"), withAttachments: true);
        Assert.Equal(Agent.Pem.Trim(), Encoding.ASCII.GetString(_openssl.Read("signer.pem")).Trim());
        Assert.Contains(Aes256CbcOid, Cms("-cmsout", "-print", "-in", "mail.eml"));
        Assert.Equal(("SHA-256", "AES-256-CBC", Agent.Fingerprint), (composed.DigestAlgorithm, composed.Cipher, composed.SignerKeyFingerprint));
    }

    [Fact]
    public void Each_of_two_recipients_decrypts_with_their_own_key()
    {
        var composed = Compose(OutgoingMessages.Simple(to: ["carol@example.org", "dave@example.net"]), signed: true, Carol, Dave);

        _openssl.Write("mail.eml", composed.Raw);
        foreach (var name in new[] { "carol", "dave" })
        {
            Cms("-decrypt", "-in", "mail.eml", "-recip", $"{name}.pem", "-inkey", $"{name}.key", "-out", $"{name}.eml");
            Cms("-verify", "-in", $"{name}.eml", "-CAfile", "root.pem", "-out", $"{name}.content.eml");
            AssertContent(_openssl.Read($"{name}.content.eml"), withAttachments: false);
        }
    }

    public void Dispose() => _openssl.Dispose();

    private ComposedMail Compose(OutgoingMessage message, bool signed, params TestCertificate[] recipients) =>
        _composer.Compose(message, new SmimeProtection(
            signed ? new SmimeSigner(Agent.Fingerprint, Agent.Der, [Intermediate.Certificate.Der, Root.Certificate.Der], Agent.Pkcs8Der) : null,
            recipients.Select(r => new SmimeRecipient(r.Certificate.SubjectDN.ToString(), r.Fingerprint, r.Der)).ToList()));

    private string Cms(params string[] arguments) => _openssl.Run(["cms", .. arguments]);

    private static void AssertContent(byte[] entity, bool withAttachments)
    {
        var content = MimeContent.Read(entity);
        Assert.Equal(OutgoingMessages.Body, content.Text);
        if (!withAttachments)
            return;
        OutgoingMessages.AssertAttachments(content);
    }
}
