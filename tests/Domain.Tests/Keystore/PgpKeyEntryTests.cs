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
    public void A_newer_copy_of_a_held_key_refreshes_it_and_says_what_changed()
    {
        var held = PgpKeyEntry.Create(new PgpKeyImported(Guid.NewGuid(), PgpKey(expiresAt: Now.AddYears(1)), "a", Now));
        var newer = PgpKey(expiresAt: Now.AddYears(2), revoked: true,
            subkeys: [Subkey(["encryptCommunications", "encryptStorage"]), Subkey(["sign"]) with { Fingerprint = "AB" }]);

        var refreshed = Assert.IsType<PgpKeyRefreshed>(Assert.Single(PgpKeyEntry.Import(held, newer, false, "b", Now).Events));

        Assert.Equal(["revoked", "expiry 2027-06-01 12:00:00Z -> 2028-06-01 12:00:00Z", "subkey AB added"], refreshed.Changes);
        Assert.Same(newer, held.Apply(refreshed).Key);
        Assert.Equal(("b", held.Id), (refreshed.RefreshedBy, refreshed.PgpKeyId));
    }

    [Fact]
    public void A_refresh_names_revoked_user_ids_and_subkeys_and_new_subkey_expiry()
    {
        var held = PgpKeyEntry.Create(new PgpKeyImported(Guid.NewGuid(), PgpKey(), "a", Now));
        var newer = PgpKey(email: "", subkeys: [Subkey(["encryptCommunications", "encryptStorage"], Now.AddYears(3), revoked: true)]);

        var refreshed = Assert.IsType<PgpKeyRefreshed>(Assert.Single(PgpKeyEntry.Import(held, newer, false, "b", Now).Events));

        Assert.Equal([
            "user ID Bob <bob@example.com> revoked",
            "subkey FEDCBA9876543210FEDCBA9876543210FEDCBA98 revoked",
            "subkey FEDCBA9876543210FEDCBA9876543210FEDCBA98 expiry never -> 2029-06-01 12:00:00Z",
        ], refreshed.Changes);
    }

    [Fact]
    public void A_copy_that_changes_nothing_is_a_conflict_unless_it_brings_the_secret_key()
    {
        var held = PgpKeyEntry.Create(new PgpKeyImported(Guid.NewGuid(), PgpKey(), "a", Now));

        Assert.Equal(RejectionKind.Conflict, PgpKeyEntry.Import(held, PgpKey(), false, "a", Now).Rejection?.Kind);
        Assert.Collection(PgpKeyEntry.Import(held, PgpKey(revoked: true), true, "a", Now).Events,
            e => Assert.IsType<PgpKeyRefreshed>(e), e => Assert.IsType<PgpSecretKeyImported>(e));
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
