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
    public void A_crl_revokes_by_serial_number()
    {
        var list = RevocationList.Create(new CrlImported(Guid.NewGuid(), Ca.Certificate.Fingerprint, Crl(Now, "0a"), "a", Now));

        Assert.True(list.Revokes(Certificate()));
        Assert.False(list.Revokes(Certificate() with { SerialNumber = "0B" }));
    }

    [Fact]
    public void A_leaf_certificate_cannot_issue_crls()
    {
        var leaf = Ca with { Certificate = Ca.Certificate with { IsCertificateAuthority = false } };

        Assert.Equal(RejectionKind.Invalid, RevocationList.Import(null, leaf, Crl(Now), "a", Now).Rejection?.Kind);
    }
}
