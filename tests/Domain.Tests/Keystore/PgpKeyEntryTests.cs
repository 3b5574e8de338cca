using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore.Pgp;
using static SecureMail.Domain.Tests.Keystore.Facts;

namespace SecureMail.Domain.Tests.Keystore;

public class PgpKeyEntryTests
{
    [Fact]
    public void A_secret_key_import_records_the_public_key_then_the_secret()
    {
        var events = PgpKeyEntry.Import(null, PgpKey(), withSecretKey: true, "admin", Now).Events;

        Assert.Collection(events, e => Assert.IsType<PgpKeyImported>(e), e => Assert.IsType<PgpSecretKeyImported>(e));
    }

    [Fact]
    public void A_secret_key_may_follow_its_public_key_but_nothing_else_repeats()
    {
        var held = PgpKeyEntry.Create(new PgpKeyImported(Guid.NewGuid(), PgpKey(), "a", Now));

        Assert.IsType<PgpSecretKeyImported>(Assert.Single(PgpKeyEntry.Import(held, PgpKey(), true, "a", Now).Events));
        Assert.Equal(RejectionKind.Conflict, PgpKeyEntry.Import(held, PgpKey(), false, "a", Now).Rejection?.Kind);
        var withSecret = held.Apply(new PgpSecretKeyImported(held.Id, held.Key.Fingerprint, "a", Now));
        Assert.Equal(RejectionKind.Conflict, PgpKeyEntry.Import(withSecret, PgpKey(), true, "a", Now).Rejection?.Kind);
    }

    [Fact]
    public void A_key_without_any_e_mail_user_id_is_invalid()
    {
        Assert.Equal(RejectionKind.Invalid, PgpKeyEntry.Import(null, PgpKey(email: ""), false, "a", Now).Rejection?.Kind);
    }

    [Fact]
    public void Removal_destroys_the_secret_and_allows_a_later_import()
    {
        var held = PgpKeyEntry.Create(new PgpKeyImported(Guid.NewGuid(), PgpKey(), "a", Now))
            .Apply(new PgpSecretKeyImported(Guid.Empty, "", "a", Now));

        var removed = Assert.IsType<PgpKeyRemoved>(Assert.Single(PgpKeyEntry.Remove(held, "b", Now).Events));

        Assert.True(removed.SecretKeyDestroyed);
        Assert.True(PgpKeyEntry.Import(held.Apply(removed), PgpKey(), false, "a", Now).Accepted);
    }
}
