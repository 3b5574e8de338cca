using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;
using static SecureMail.Domain.Tests.Keystore.Facts;

namespace SecureMail.Domain.Tests.Tickets;

public class DomainAliasTests
{
    private static readonly EmailAddress Bob = EmailAddress.Of("bob@example.com");

    private static KeyCandidate Aliased(EmailAddress address) =>
        KeyCandidate.Aliased(PgpKey("gateway@example.com") with { Fingerprint = "AL1A5" }, address, "example.com", Now);

    private static KeyCandidate Own(EmailAddress address, DateTimeOffset? expiresAt = null) =>
        KeyCandidate.Of(PgpKey(address.Value, expiresAt) with { Fingerprint = "0WN" }, address, hasPrivateKey: false, Now);

    [Fact]
    public void An_address_without_a_key_of_its_own_is_encrypted_to_its_domains_key()
    {
        var keys = new KeysByAddress([Aliased(Bob)]);

        Assert.Equal("AL1A5", Assert.Single(keys.Of(Bob)).Fingerprint);
        Assert.True(SecurityOptions.EncryptPossibility(MailSecuritySystem.PGP, EncryptionRecipients.Of([Bob], []), keys).Possible);
    }

    [Fact]
    public void An_addresss_own_key_wins_even_when_it_has_expired()
    {
        Assert.Equal("0WN", Assert.Single(new KeysByAddress([Aliased(Bob), Own(Bob)]).Of(Bob)).Fingerprint);

        var expired = new KeysByAddress([Own(Bob, Now.AddDays(-1)), Aliased(Bob)]);
        var encrypt = SecurityOptions.EncryptPossibility(MailSecuritySystem.PGP, EncryptionRecipients.Of([Bob], []), expired);
        Assert.Equal((false, ComposeCode.RecipientKeyExpired), (encrypt.Possible, encrypt.Code));
    }

    [Fact]
    public void A_key_of_the_other_system_does_not_hide_the_alias()
    {
        var smime = new KeyCandidate(MailSecuritySystem.SMIME, Bob, "CERT", null, false, false, false, true);

        var keys = new KeysByAddress([smime, Aliased(Bob)]).For(MailSecuritySystem.PGP);

        Assert.Equal("AL1A5", Assert.Single(keys.Of(Bob)).Fingerprint);
    }

    [Fact]
    public void A_domains_key_never_signs_for_an_address()
    {
        var support = EmailAddress.Of("support@example.com");

        var sign = SecurityOptions.SignPossibility(MailSecuritySystem.PGP, support, new KeysByAddress([Aliased(support)]).Of(support));

        Assert.Equal((false, ComposeCode.SignKeyMissing), (sign.Possible, sign.Code));
    }

    [Fact]
    public void The_sent_copy_is_not_encrypted_to_a_key_aliased_to_the_groups_domain()
    {
        var support = EmailAddress.Of("support@example.com");
        var group = new Group(Guid.NewGuid(), "Support", support.Value, SecurityDefaults.WheneverPossible, SecurityDefaults.WheneverPossible);

        var plan = SecurityPlan.Decide(MailSecuritySystem.PGP, false, true, new SecureMailing(Guid.NewGuid(), false, true), group,
            EncryptionRecipients.Of([Bob], []), new KeysByAddress([Aliased(Bob), Aliased(support)]));

        Assert.Equal(["AL1A5"], plan.Value!.Recipients.Select(r => r.Fingerprint));
        Assert.Equal(Bob, Assert.Single(plan.Value.Recipients).Email);
    }

    [Fact]
    public void Setting_an_alias_is_recorded_once_and_removing_it_names_the_domain()
    {
        var held = PgpKeyEntry.Create(new PgpKeyImported(Guid.NewGuid(), PgpKey(), "admin", Now));

        var set = Assert.IsType<PgpKeyDomainAliasSet>(Assert.Single(PgpKeyEntry.SetDomainAlias(held, "Example.COM", "admin", Now).Events));
        Assert.Equal(("example.com", "admin", Now), (set.Domain, set.SetBy, set.SetAt));
        var aliased = held.Apply(set);
        Assert.Empty(PgpKeyEntry.SetDomainAlias(aliased, "example.com", "admin", Now).Events);
        var removed = Assert.IsType<PgpKeyDomainAliasRemoved>(Assert.Single(PgpKeyEntry.RemoveDomainAlias(aliased, "admin", Now).Events));
        Assert.Equal("example.com", removed.Domain);
        Assert.Empty(PgpKeyEntry.RemoveDomainAlias(held, "admin", Now).Events);
        Assert.Equal(RejectionKind.NotFound, PgpKeyEntry.SetDomainAlias(null, "example.com", "admin", Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.NotFound, PgpKeyEntry.RemoveDomainAlias(held.Apply(new PgpKeyRemoved(held.Id, held.Key.Fingerprint, false, "a", Now)), "a", Now).Rejection?.Kind);
    }

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData(" Mail.Example.COM ", "mail.example.com")]
    [InlineData("com", null)]
    [InlineData("@example.com", null)]
    [InlineData("bob@example.com", null)]
    [InlineData("exa mple.com", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_domain_is_a_dns_name_of_two_labels_or_more(string? text, string? expected) => Assert.Equal(expected, DomainName.Parse(text));
}
