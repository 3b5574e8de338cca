using SecureMail.Domain.Inbound;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Domain.Settings;
using static SecureMail.Domain.Tests.Keystore.Facts;

namespace SecureMail.Domain.Tests.Inbound;

public class VerdictTests
{
    private static readonly Guid TicketId = Guid.NewGuid();
    private static readonly Guid ArticleId = Guid.NewGuid();

    private static SignatureFacts Smime(CertificateFacts? certificate = null, SecurityCode? code = null, string digest = "SHA-256") =>
        new(MailSecuritySystem.SMIME, code, null, certificate ?? Certificate(), null, null, digest, null);

    private static object Judge(SignatureFacts facts, string from = "alice@example.com", IReadOnlyList<RevocationList>? revocations = null) =>
        Verdict.Signature(TicketId, ArticleId, facts, [from], revocations ?? [], Now);

    [Fact]
    public void A_trusted_current_signature_from_the_sender_is_valid_and_names_the_signer()
    {
        var verified = Assert.IsType<SignatureVerified>(Judge(Smime()));

        Assert.Equal(new Signer("alice@example.com", "CN=alice@example.com", Certificate().Fingerprint), verified.Signer);
    }

    [Fact]
    public void An_untrusted_chain_says_which_rule_the_path_to_the_trust_anchor_broke()
    {
        const string reason = "The CA certificate CN=Issuing CA expired on 2020-02-01 00:00:00Z.";

        var failed = Assert.IsType<SignatureVerificationFailed>(Judge(Smime(code: SecurityCode.UntrustedChain) with { Detail = reason }));

        Assert.Equal($"The signer's certificate is not issued by a trusted certificate authority: {reason}", failed.Message);
    }

    [Theory]
    [InlineData("bad-signature", "tampered content")]
    [InlineData("unknown-signer", "Unable to find certificate for validation")]
    [InlineData("untrusted-chain", "not issued by a trusted certificate authority")]
    [InlineData("no-signer", "no signer")]
    public void A_failure_the_reader_found_is_invalid_with_its_reason(string code, string message)
    {
        var failed = Assert.IsType<SignatureVerificationFailed>(Judge(Smime(code: SecurityCodes.Parse(code))));

        Assert.Equal(code, failed.Reason);
        Assert.Contains(message, failed.Message);
    }

    [Fact]
    public void A_signer_that_is_not_the_sender_is_invalid_whatever_the_display_name()
    {
        var failed = Assert.IsType<SignatureVerificationFailed>(Judge(Smime(), from: "mallory@example.com"));

        Assert.Equal(Verdict.NotSignedBySender, failed.Message);
        Assert.Equal("alice@example.com", failed.Signer!.Email);
    }

    [Fact]
    public void Two_from_addresses_are_invalid()
    {
        var failed = Verdict.Signature(TicketId, ArticleId, Smime(), ["alice@example.com", "bob@example.com"], [], Now);

        Assert.Equal("sender-mismatch", Assert.IsType<SignatureVerificationFailed>(failed).Reason);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("not-yet-valid")]
    [InlineData("key-usage")]
    [InlineData("weak-algorithm")]
    public void Time_usage_and_digest_are_checked_at_the_current_time(string defect)
    {
        var facts = defect switch
        {
            "expired" => Smime(Certificate() with { NotAfter = Now.AddSeconds(-1) }),
            "not-yet-valid" => Smime(Certificate() with { NotBefore = Now.AddDays(1) }),
            "key-usage" => Smime(Certificate() with { KeyUsages = ["keyEncipherment"] }),
            _ => Smime(digest: "SHA-1"),
        };

        Assert.Equal(defect, Assert.IsType<SignatureVerificationFailed>(Judge(facts)).Reason);
    }

    [Fact]
    public void A_signer_whose_key_the_policy_calls_weak_is_invalid_with_the_reason()
    {
        var rsa1024 = Judge(Smime(Certificate() with { KeySize = 1024 }));
        var sha1Issued = Judge(Smime(Certificate() with { SignatureDigest = "SHA-1", SelfSigned = false }));
        var dsa = Judge(new SignatureFacts(MailSecuritySystem.PGP, null, null, null,
            PgpKey("alice@example.com") with { Algorithm = "DSA", KeySize = 1024 }, null, "SHA-256", null));

        var failed = Assert.IsType<SignatureVerificationFailed>(rsa1024);
        Assert.Equal(("weak-key", "The signer's certificate has an RSA key of 1024 bits, too weak to trust its signature."), (failed.Reason, failed.Message));
        Assert.Equal("alice@example.com", failed.Signer!.Email);
        Assert.Equal("weak-key", Assert.IsType<SignatureVerificationFailed>(sha1Issued).Reason);
        Assert.Equal("The signer's PGP key has a DSA key of 1024 bits, too weak to trust its signature.",
            Assert.IsType<SignatureVerificationFailed>(dsa).Message);
        Assert.IsType<SignatureVerified>(Judge(Smime(Certificate() with { SignatureDigest = "SHA-1", SelfSigned = true })));
    }

    [Fact]
    public void A_revoked_signer_is_invalid()
    {
        var crl = new RevocationList(Guid.NewGuid(), "ca", Crl(Now.AddDays(-1), Certificate().SerialNumber));

        Assert.Equal("revoked", Assert.IsType<SignatureVerificationFailed>(Judge(Smime(), revocations: [crl])).Reason);
    }

    [Fact]
    public void A_crl_of_another_ca_with_the_same_name_does_not_revoke()
    {
        var other = new RevocationList(Guid.NewGuid(), "other", Crl(Now.AddDays(-1), Certificate().SerialNumber) with { AuthorityKeyIdentifier = "0b" });

        Assert.IsType<SignatureVerified>(Judge(Smime(Certificate() with { AuthorityKeyIdentifier = "0a" }), revocations: [other]));
    }

    [Fact]
    public void A_stale_crl_leaves_the_signature_valid_and_says_it_is_out_of_date()
    {
        var stale = new RevocationList(Guid.NewGuid(), "ca", Crl(Now.AddDays(-8), "0B"));
        var current = new RevocationList(Guid.NewGuid(), "ca", Crl(Now.AddDays(-1), "0B"));

        var verified = Assert.IsType<SignatureVerified>(Judge(Smime(), revocations: [stale]));

        Assert.Equal(["The certificate revocation list of CN=Test CA is out of date since 2026-05-31 12:00:00Z: a revocation since then would not show. An admin can import the CA's newer CRL."],
            verified.Warnings);
        Assert.Empty(Assert.IsType<SignatureVerified>(Judge(Smime(), revocations: [current])).Warnings!);
        Assert.Equal("revoked", Assert.IsType<SignatureVerificationFailed>(
            Judge(Smime(), revocations: [new RevocationList(Guid.NewGuid(), "ca", Crl(Now.AddDays(-8), Certificate().SerialNumber))])).Reason);
    }

    [Fact]
    public void Pgp_keys_expired_or_revoked_are_invalid()
    {
        var expired = new SignatureFacts(MailSecuritySystem.PGP, null, null, null, PgpKey("alice@example.com", expiresAt: Now.AddDays(-1)), null, "SHA-256", null);
        var revoked = expired with { PgpKey = PgpKey("alice@example.com", revoked: true) };

        Assert.Equal("expired", Assert.IsType<SignatureVerificationFailed>(Judge(expired)).Reason);
        Assert.Equal("revoked", Assert.IsType<SignatureVerificationFailed>(Judge(revoked)).Reason);
        Assert.IsType<SignatureVerified>(Judge(expired with { PgpKey = PgpKey("alice@example.com") }));
    }

    [Fact]
    public void Decryption_without_our_key_says_so_and_success_names_the_cipher()
    {
        var failed = Verdict.Decryption(TicketId, ArticleId, new DecryptionFacts(MailSecuritySystem.SMIME, null, null, [], SecurityCode.NoPrivateKey, null), Now);
        var decrypted = Verdict.Decryption(TicketId, ArticleId, new DecryptionFacts(MailSecuritySystem.PGP, "FP", "AES-256", [], null, null), Now);

        Assert.Equal(Verdict.NoPrivateKey, Assert.IsType<DecryptionFailed>(failed).Message);
        Assert.Equal("AES-256", Assert.IsType<ArticleDecrypted>(decrypted).Cipher);
    }
}
