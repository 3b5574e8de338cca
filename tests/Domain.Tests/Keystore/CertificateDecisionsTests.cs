using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;
using static SecureMail.Domain.Tests.Keystore.Facts;

namespace SecureMail.Domain.Tests.Keystore;

public class CertificateDecisionsTests
{
    [Fact]
    public void Importing_a_new_certificate_records_it_with_actor_time_and_derived_stream_id()
    {
        var certificate = Certificate();

        var decision = CertificateDecisions.Import(null, certificate, "admin-1", Now);

        var imported = Assert.IsType<CertificateImported>(Assert.Single(decision.Events));
        Assert.Equal(new CertificateImported(KeystoreIds.ForCertificate(certificate.Fingerprint), certificate, "admin-1", Now), imported);
    }

    [Fact]
    public void A_certificate_already_held_is_a_conflict()
    {
        var held = CertificateEntry.Imported(new CertificateImported(Guid.NewGuid(), Certificate(), "a", Now));

        var decision = CertificateDecisions.Import(held, Certificate(), "a", Now);

        Assert.Equal(RejectionKind.Conflict, decision.Rejection?.Kind);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_removed_certificate_can_be_imported_again()
    {
        var entry = CertificateEntry.Imported(new CertificateImported(Guid.NewGuid(), Certificate(), "a", Now));
        var removed = entry.After(new CertificateRemoved(entry.Id, entry.Certificate.Fingerprint, false, "a", Now));

        Assert.True(CertificateDecisions.Import(removed, Certificate(), "a", Now).Accepted);
    }

    [Theory]
    [InlineData("no e-mail")]
    [InlineData("DSA key")]
    [InlineData("server-only EKU")]
    [InlineData("certificate signing only")]
    public void Certificates_breaking_a_keystore_rule_are_invalid(string defect)
    {
        var certificate = defect switch
        {
            "no e-mail" => Certificate() with { Emails = [] },
            "DSA key" => Certificate() with { KeyAlgorithm = "DSA" },
            "server-only EKU" => Certificate() with { ExtendedKeyUsages = ["serverAuth"] },
            _ => Certificate() with { KeyUsages = ["keyCertSign"] },
        };

        var decision = CertificateDecisions.Import(null, certificate, "a", Now);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection?.Kind);
    }

    private static CertificateFacts Root() =>
        Certificate() with { Emails = [], IsCertificateAuthority = true, KeyUsages = ["keyCertSign", "cRLSign"], Subject = "CN=Root", Issuer = "CN=Root" };

    [Fact]
    public void A_root_CA_certificate_imported_as_a_trust_anchor_is_recorded_as_one()
    {
        var imported = Assert.IsType<CertificateImported>(Assert.Single(CertificateDecisions.ImportTrustAnchor(null, Root(), "a", Now).Events));

        Assert.True(imported.TrustAnchor);
        Assert.True(CertificateEntry.Imported(imported).IsTrustAnchor);
    }

    [Fact]
    public void A_root_without_key_usage_may_be_a_trust_anchor()
    {
        Assert.True(CertificateDecisions.ImportTrustAnchor(null, Root() with { KeyUsages = null }, "a", Now).Accepted);
    }

    [Fact]
    public void A_CA_certificate_imported_plainly_is_a_mail_identity_and_needs_an_e_mail()
    {
        var decision = CertificateDecisions.Import(null, Root(), "a", Now);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection?.Kind);
        Assert.Contains("import it as a trust anchor", decision.Rejection!.Message);
    }

    [Fact]
    public void A_self_signed_CA_true_identity_imported_plainly_is_no_trust_anchor()
    {
        var identity = Certificate() with { IsCertificateAuthority = true, Issuer = Certificate().Subject };

        var imported = Assert.IsType<CertificateImported>(Assert.Single(CertificateDecisions.Import(null, identity, "a", Now).Events));

        Assert.False(imported.TrustAnchor);
    }

    [Theory]
    [InlineData("signing-only", "lacks keyCertSign")]
    [InlineData("not-a-ca", "not a CA certificate")]
    [InlineData("issued", "is issued by CN=Other Root")]
    public void A_certificate_that_may_not_issue_certificates_is_refused_as_a_trust_anchor(string shape, string reason)
    {
        var certificate = shape switch
        {
            // openssl req -x509 with the key usage of a mail identity: CA:TRUE, no keyCertSign.
            "signing-only" => Certificate() with { IsCertificateAuthority = true, Issuer = Certificate().Subject },
            "not-a-ca" => Root() with { IsCertificateAuthority = false },
            _ => Root() with { Issuer = "CN=Other Root" },
        };

        var decision = CertificateDecisions.ImportTrustAnchor(null, certificate, "a", Now);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection?.Kind);
        Assert.Contains(reason, decision.Rejection!.Message);
    }

    [Fact]
    public void A_certificate_held_as_a_mail_identity_becomes_a_trust_anchor_only_after_removal()
    {
        var held = CertificateEntry.Imported(new CertificateImported(Guid.NewGuid(), Root() with { Emails = ["ca@example.com"] }, "a", Now));

        var decision = CertificateDecisions.ImportTrustAnchor(held, held.Certificate, "a", Now);

        Assert.Equal(RejectionKind.Conflict, decision.Rejection?.Kind);
        Assert.Contains("remove it, then import it as a trust anchor", decision.Rejection!.Message);
    }

    [Fact]
    public void A_keys_own_ca_true_certificate_is_imported_with_the_key_and_marked_as_such()
    {
        var selfSigned = Certificate() with { IsCertificateAuthority = true, Issuer = Certificate().Subject };

        var decision = CertificateDecisions.ImportWithPrivateKey(null, selfSigned, "pkcs12", "a", Now);

        var imported = Assert.IsType<CertificateImported>(decision.Events[0]);
        Assert.True(imported.WithPrivateKey);
        Assert.Equal("pkcs12", Assert.IsType<PrivateKeyImported>(decision.Events[1]).Source);
        Assert.False(Assert.IsType<CertificateImported>(Assert.Single(CertificateDecisions.Import(null, selfSigned, "a", Now).Events)).WithPrivateKey);
    }

    [Fact]
    public void A_keys_own_certificate_is_checked_as_a_mail_identity_even_when_it_says_ca()
    {
        var ca = Certificate() with { Emails = [], IsCertificateAuthority = true, KeyUsages = ["keyCertSign", "cRLSign"] };

        var decision = CertificateDecisions.ImportWithPrivateKey(null, ca, "pkcs12", "a", Now);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection?.Kind);
        Assert.Contains("has no e-mail address", decision.Rejection!.Message);
    }

    [Fact]
    public void A_key_for_a_held_certificate_is_only_attached()
    {
        var held = CertificateEntry.Imported(new CertificateImported(Guid.NewGuid(), Certificate(), "a", Now));

        var decision = CertificateDecisions.ImportWithPrivateKey(held, Certificate(), "pkcs8", "b", Now);

        Assert.Equal(held.Id, Assert.IsType<PrivateKeyImported>(Assert.Single(decision.Events)).CertificateId);
    }

    [Fact]
    public void A_private_key_attaches_once_and_removal_says_it_was_destroyed()
    {
        var entry = CertificateEntry.Imported(new CertificateImported(Guid.NewGuid(), Certificate(), "a", Now));
        var attach = CertificateDecisions.AttachPrivateKey(entry, "pkcs12", "a", Now);
        var withKey = entry.After(Assert.IsType<PrivateKeyImported>(Assert.Single(attach.Events)));

        Assert.Equal(RejectionKind.Conflict, CertificateDecisions.AttachPrivateKey(withKey, "pkcs8", "a", Now).Rejection?.Kind);
        var removal = Assert.IsType<CertificateRemoved>(Assert.Single(CertificateDecisions.Remove(withKey, "b", Now).Events));
        Assert.True(removal.PrivateKeyDestroyed);
        Assert.Equal("b", removal.RemovedBy);
    }

    [Fact]
    public void Removing_what_is_not_held_is_not_found()
    {
        Assert.Equal(RejectionKind.NotFound, CertificateDecisions.Remove(null, "a", Now).Rejection?.Kind);
    }
}
