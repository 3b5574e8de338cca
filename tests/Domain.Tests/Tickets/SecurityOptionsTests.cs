using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Domain.Tests.Tickets;

public class SecurityOptionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Group Support = new(Guid.NewGuid(), "Support", "support@example.com", SecurityDefaults.WheneverPossible, new SecurityDefaults(false, null));

    private static EncryptionRecipients To(params string[] to) => EncryptionRecipients.Of(to, []);

    private static KeyCandidate Usable(string email, int days = 365, bool privateKey = false) =>
        new(MailSecuritySystem.SMIME, email, $"fp-{email}-{days}", Now.AddDays(days), false, privateKey, privateKey, true);

    private static KeyCandidate Expired(string email, bool privateKey = false) =>
        new(MailSecuritySystem.SMIME, email, $"fp-{email}-old", Now.AddDays(-1), true, privateKey, false, false);

    private static Dictionary<string, IReadOnlyList<KeyCandidate>> Keys(params KeyCandidate[] keys) =>
        keys.GroupBy(k => k.Email).ToDictionary(g => g.Key, g => (IReadOnlyList<KeyCandidate>)g.ToList());

    [Fact]
    public void Every_recipient_with_a_usable_certificate_makes_encryption_possible_in_the_plural_words()
    {
        var option = SecurityOptions.For(MailSecuritySystem.SMIME, Support, To("a@example.com", "b@example.com"),
            Keys(Usable("a@example.com"), Usable("b@example.com"), Usable("support@example.com", privateKey: true)));

        Assert.Equal(new Possibility(true, "The certificates for a@example.com, b@example.com were found."), option.Encrypt);
        Assert.Equal(new Possibility(true, "The certificate for support@example.com was found."), option.Sign);
        Assert.Equal(new EffectiveDefaults(true, true), option.Defaults);
    }

    [Fact]
    public void A_missing_recipient_certificate_is_named()
    {
        var encrypt = SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com", "b@example.com"), Keys(Usable("a@example.com")));

        Assert.Equal(new Possibility(false, "The certificate for b@example.com was not found."), encrypt);
    }

    [Fact]
    public void An_expired_certificate_for_the_only_recipient_says_so()
    {
        var encrypt = SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), Keys(Expired("a@example.com")));

        Assert.Equal(new Possibility(false, "The certificate for a@example.com was found, but has expired."), encrypt);
    }

    [Fact]
    public void Expired_certificates_among_several_recipients_use_the_reference_words()
    {
        var encrypt = SecurityOptions.EncryptPossibility(MailSecuritySystem.PGP, To("a@example.com", "b@example.com"),
            Keys(Expired("a@example.com"), Usable("b@example.com")));

        Assert.Equal(new Possibility(false, "There were PGP keys found for a@example.com, but at least one of them has expired."), encrypt);
    }

    [Fact]
    public void An_expired_sibling_does_not_block_and_the_longest_lasting_key_is_chosen()
    {
        var keys = Keys(Expired("a@example.com"), Usable("a@example.com", days: 30), Usable("a@example.com", days: 300));

        Assert.True(SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), keys).Possible);
        Assert.Equal("fp-a@example.com-300", KeyCandidate.Best(keys["a@example.com"], k => k.UsableForEncryption)!.Fingerprint);
    }

    [Fact]
    public void No_recipient_and_no_signing_key_say_so()
    {
        Assert.Equal(new Possibility(false, "There was no recipient found."), SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To(), Keys()));
        Assert.Equal(new Possibility(false, "The PGP key for support@example.com was not found."),
            SecurityOptions.SignPossibility(MailSecuritySystem.PGP, "support@example.com", [Usable("support@example.com")]));
        Assert.Equal(new Possibility(false, "The certificate for support@example.com was found, but has expired."),
            SecurityOptions.SignPossibility(MailSecuritySystem.SMIME, "support@example.com", [Expired("support@example.com", privateKey: true)]));
    }

    [Fact]
    public void A_configured_default_off_wins_over_possible()
    {
        var option = SecurityOptions.For(MailSecuritySystem.PGP, Support, To("a@example.com"), Keys(Usable("a@example.com"), Usable("support@example.com", privateKey: true)));

        Assert.Equal(new EffectiveDefaults(false, true), option.Defaults);
    }

    [Fact]
    public void A_weak_key_says_what_is_weak_for_each_button()
    {
        var weak = Usable("a@example.com", privateKey: true) with
        {
            UsableForSigning = false, UsableForEncryption = false, Weakness = "an RSA key of 1024 bits",
        };

        Assert.Equal(new Possibility(false, "The certificate for a@example.com has an RSA key of 1024 bits, too weak to encrypt to."),
            SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), Keys(weak)));
        Assert.Equal(new Possibility(false, "The PGP key for a@example.com has an RSA key of 1024 bits, too weak to sign with."),
            SecurityOptions.SignPossibility(MailSecuritySystem.PGP, "a@example.com", [weak]));
        Assert.True(SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), Keys(weak, Usable("a@example.com"))).Possible);
    }

    [Fact]
    public void A_refused_key_gives_its_reason()
    {
        var ec = Usable("a@example.com") with { UsableForEncryption = false, Refusal = "The certificate for a@example.com has an EC key." };

        Assert.Equal(new Possibility(false, "The certificate for a@example.com has an EC key."),
            SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), Keys(ec)));
    }
}
