using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore.Smime;
using static SecureMail.Domain.Tests.Keystore.Facts;

namespace SecureMail.Domain.Tests.Keystore;

public class RevocationListTests
{
    private static readonly CertificateEntry Ca = new(Guid.NewGuid(), Certificate() with { IsCertificateAuthority = true, Subject = "CN=Test CA" }, false, false);

    [Fact]
    public void Only_a_newer_crl_replaces_the_one_held()
    {
        var first = Assert.IsType<CrlImported>(Assert.Single(RevocationList.Import(null, Ca, Crl(Now, "0A"), "a", Now).Events));
        var held = RevocationList.Create(first);

        Assert.Equal(RejectionKind.Conflict, RevocationList.Import(held, Ca, Crl(Now.AddDays(-1)), "a", Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Conflict, RevocationList.Import(held, Ca, Crl(Now, "0A"), "a", Now).Rejection?.Kind);
        Assert.True(RevocationList.Import(held, Ca, Crl(Now.AddDays(1)), "a", Now).Accepted);
    }

    [Fact]
    public void A_held_crl_is_removed_with_what_identifies_it_and_none_held_is_not_found()
    {
        var imported = Assert.IsType<CrlImported>(Assert.Single(RevocationList.Import(null, Ca, Crl(Now, "0A"), "a", Now).Events));

        var removed = Assert.IsType<CrlRemoved>(Assert.Single(RevocationList.Remove(RevocationList.Create(imported), "admin-1", Now).Events));

        Assert.Equal(new CrlRemoved(imported.RevocationListId, Ca.Certificate.Fingerprint, imported.Crl.Fingerprint, "admin-1", Now), removed);
        Assert.Equal(RejectionKind.NotFound, RevocationList.Remove(null, "a", Now).Rejection?.Kind);
    }

    [Fact]
    public void A_crl_revokes_by_serial_number()
    {
        var list = RevocationList.Create(new CrlImported(Guid.NewGuid(), Ca.Certificate.Fingerprint, Crl(Now, "0a"), "a", Now));

        Assert.True(list.Revokes(Certificate()));
        Assert.False(list.Revokes(Certificate() with { SerialNumber = "0B" }));
    }

    [Theory]
    [InlineData("0a", null, "0a", true)]
    [InlineData("0a", null, "0b", false)]
    [InlineData(null, "0a", "0a", true)]
    [InlineData(null, "0a", "0B", false)]
    [InlineData("0a", "0b", "0a", true)]
    [InlineData(null, null, "0b", true)]
    [InlineData("0a", null, null, true)]
    public void A_crl_covers_a_certificate_of_the_same_issuer_name_and_key_identifier(string? crlKeyId, string? issuerKeyId, string? certificateKeyId,
        bool covered)
    {
        var list = RevocationList.Create(new CrlImported(Guid.NewGuid(), Ca.Certificate.Fingerprint, Crl(Now, "0A") with { AuthorityKeyIdentifier = crlKeyId },
            "a", Now, issuerKeyId));
        var certificate = Certificate() with { AuthorityKeyIdentifier = certificateKeyId };

        Assert.Equal(covered, list.Revokes(certificate));
        Assert.False(list.Revokes(certificate with { Issuer = "CN=Other CA" }));
    }

    [Fact]
    public void The_issuer_key_identifier_is_that_of_the_ca_whose_certificate_the_crl_was_checked_with()
    {
        var ca = Ca with { Certificate = Ca.Certificate with { SubjectKeyIdentifier = "0c" } };

        Assert.Equal("0c", Assert.IsType<CrlImported>(Assert.Single(RevocationList.Import(null, ca, Crl(Now), "a", Now).Events)).IssuerKeyIdentifier);
    }

    [Fact]
    public void A_crl_is_stale_after_its_next_update()
    {
        var list = RevocationList.Create(new CrlImported(Guid.NewGuid(), Ca.Certificate.Fingerprint, Crl(Now), "a", Now));

        Assert.False(list.IsStale(Now.AddDays(7)));
        Assert.True(list.IsStale(Now.AddDays(7).AddSeconds(1)));
        Assert.False((list with { Crl = list.Crl with { NextUpdate = null } }).IsStale(Now.AddYears(1)));
    }

    [Fact]
    public void A_leaf_certificate_cannot_issue_crls()
    {
        var leaf = Ca with { Certificate = Ca.Certificate with { IsCertificateAuthority = false } };

        Assert.Equal(RejectionKind.Invalid, RevocationList.Import(null, leaf, Crl(Now), "a", Now).Rejection?.Kind);
    }
}
