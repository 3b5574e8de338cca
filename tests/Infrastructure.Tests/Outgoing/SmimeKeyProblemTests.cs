using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Tickets;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>A key that cannot be used ends as <see cref="MailSecurityFailed"/> naming the operation, never as a
/// library exception and never as a silently weaker message.</summary>
public sealed class SmimeKeyProblemTests
{
    private static readonly TestCertificate Agent = TestCertificates.SelfSigned(CertificateOptions.For("support@example.com").SharedKey(0));
    private static readonly TestCertificate Carol = TestCertificates.SelfSigned(CertificateOptions.For("carol@example.org").SharedKey(1));

    private readonly MimeKitOutgoingMailComposer _composer = new();

    [Fact]
    public void An_EC_recipient_certificate_is_refused_for_encryption()
    {
        var ec = TestCertificates.SelfSigned(CertificateOptions.For("carol@example.org").Ec());

        var failed = Encrypt(ec);

        Assert.Equal(KeyProblem.UnsupportedKey, failed.Failure.Problem);
        Assert.Contains("has a key that cannot encrypt; an RSA certificate is needed", failed.Message);
    }

    [Fact]
    public void An_expired_recipient_certificate_is_refused() =>
        Assert.Contains("expired", Encrypt(TestCertificates.SelfSigned(CertificateOptions.For("carol@example.org").SharedKey(1).Expired())).Message);

    [Fact]
    public void A_recipient_certificate_whose_key_usage_forbids_encryption_is_refused() =>
        Assert.Contains("does not allow encryption",
            Encrypt(TestCertificates.SelfSigned(CertificateOptions.For("carol@example.org").SharedKey(1) with { KeyUsages = ["digitalSignature"] })).Message);

    [Fact]
    public void A_damaged_recipient_certificate_is_refused()
    {
        var failed = Assert.Throws<MailSecurityFailed>(() => _composer.Compose(OutgoingMessages.Simple(),
            new SmimeProtection(null, [new SmimeRecipient("carol@example.org", Carol.Fingerprint, Carol.Der[..40])])));

        Assert.Equal(SecurityOperation.Encrypt, failed.Operation);
        Assert.Contains("could not be read", failed.Message);
    }

    [Fact]
    public void A_private_key_of_another_certificate_cannot_sign() =>
        Assert.Contains("does not belong", Sign(new SmimeSigner(Agent.Fingerprint, Agent.Der, [], Carol.Pkcs8Der)).Message);

    [Fact]
    public void A_damaged_private_key_cannot_sign() =>
        Assert.Contains("could not be read", Sign(new SmimeSigner(Agent.Fingerprint, Agent.Der, [], Agent.Pkcs8Der[..50])).Message);

    [Fact]
    public void An_expired_signing_certificate_cannot_sign()
    {
        var expired = TestCertificates.SelfSigned(CertificateOptions.For("support@example.com").SharedKey(0).Expired());

        Assert.Contains("expired", Sign(new SmimeSigner(expired.Fingerprint, expired.Der, [], expired.Pkcs8Der)).Message);
    }

    private MailSecurityFailed Encrypt(TestCertificate recipient)
    {
        var failed = Assert.Throws<MailSecurityFailed>(() => _composer.Compose(OutgoingMessages.Simple(),
            new SmimeProtection(null, [new SmimeRecipient("carol@example.org", recipient.Fingerprint, recipient.Der)])));
        Assert.Equal(SecurityOperation.Encrypt, failed.Operation);
        return failed;
    }

    private MailSecurityFailed Sign(SmimeSigner signer)
    {
        var failed = Assert.Throws<MailSecurityFailed>(() => _composer.Compose(OutgoingMessages.Simple(), new SmimeProtection(signer, [])));
        Assert.Equal(SecurityOperation.Sign, failed.Operation);
        return failed;
    }
}
