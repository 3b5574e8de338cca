using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Domain.Tests.Tickets;

public class SecurityOptionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Group Support = new(Guid.NewGuid(), "Support", "support@example.com", SecurityDefaults.WheneverPossible, new SecurityDefaults(false, null));

    private static EncryptionRecipients To(params string[] to) => EncryptionRecipients.Of(to, []);

    private static EmailAddress Address(string text) => EmailAddress.Of(text);

    private static KeyCandidate Usable(string email, int days = 365, bool privateKey = false) =>
        new(MailSecuritySystem.SMIME, Address(email), $"fp-{email}-{days}", Now.AddDays(days), false, privateKey, privateKey, true);

    private static KeyCandidate Expired(string email, bool privateKey = false) =>
        new(MailSecuritySystem.SMIME, Address(email), $"fp-{email}-old", Now.AddDays(-1), true, privateKey, false, false);

    private static KeysByAddress Keys(params KeyCandidate[] keys) => new(keys);

    private static void Says(Possibility possibility, bool possible, ComposeCode code, string message, params string[] addresses)
    {
        Assert.Equal((possible, code, message), (possibility.Possible, possibility.Code, possibility.Message));
        Assert.Equal(addresses, possibility.Addresses);
    }

    [Fact]
    public void Every_recipient_with_a_usable_certificate_makes_encryption_possible_in_the_plural_words()
    {
        var option = SecurityOptions.For(MailSecuritySystem.SMIME, Support, To("a@example.com", "b@example.com"),
            Keys(Usable("a@example.com"), Usable("b@example.com"), Usable("support@example.com", privateKey: true)));

        Says(option.Encrypt, true, ComposeCode.RecipientKeysFound, "The certificates for a@example.com, b@example.com were found.", "a@example.com", "b@example.com");
        Says(option.Sign, true, ComposeCode.SignKeyFound, "The certificate for support@example.com was found.", "support@example.com");
        Assert.Equal(new EffectiveDefaults(true, true), option.Defaults);
    }

    [Fact]
    public void A_missing_recipient_certificate_is_named()
    {
        var encrypt = SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com", "b@example.com"), Keys(Usable("a@example.com")));

        Says(encrypt, false, ComposeCode.RecipientKeyMissing, "The certificate for b@example.com was not found.", "b@example.com");
    }

    [Fact]
    public void An_expired_certificate_for_the_only_recipient_says_so()
    {
        var encrypt = SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), Keys(Expired("a@example.com")));

        Says(encrypt, false, ComposeCode.RecipientKeyExpired, "The certificate for a@example.com was found, but has expired.", "a@example.com");
    }

    [Fact]
    public void Expired_certificates_among_several_recipients_use_the_reference_words()
    {
        var encrypt = SecurityOptions.EncryptPossibility(MailSecuritySystem.PGP, To("a@example.com", "b@example.com"),
            Keys(Expired("a@example.com"), Usable("b@example.com")));

        Says(encrypt, false, ComposeCode.RecipientKeyExpired, "There were PGP keys found for a@example.com, but at least one of them has expired.", "a@example.com");
    }

    [Fact]
    public void Several_findings_each_keep_their_code_and_addresses_and_the_message_joins_them()
    {
        var encrypt = SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com", "b@example.com", "c@example.com"),
            Keys(Expired("b@example.com"), Usable("c@example.com")));

        Assert.Equal([(ComposeCode.RecipientKeyMissing, "a@example.com"), (ComposeCode.RecipientKeyExpired, "b@example.com")],
            encrypt.Reasons.Select(r => (r.Code, Assert.Single(r.Addresses))));
        Says(encrypt, false, ComposeCode.RecipientKeyMissing,
            "The certificate for a@example.com was not found. There were certificates found for b@example.com, but at least one of them has expired.",
            "a@example.com", "b@example.com");
    }

    [Fact]
    public void An_expired_sibling_does_not_block_and_the_longest_lasting_key_is_chosen()
    {
        var keys = Keys(Expired("a@example.com"), Usable("a@example.com", days: 30), Usable("a@example.com", days: 300));

        Assert.True(SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), keys).Possible);
        Assert.Equal("fp-a@example.com-300", KeyCandidate.Best(keys.Of(Address("a@example.com")), k => k.UsableForEncryption)!.Fingerprint);
    }

    [Fact]
    public void No_recipient_and_no_signing_key_say_so()
    {
        Says(SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To(), Keys()), false, ComposeCode.NoRecipient, "There was no recipient found.");
        Says(SecurityOptions.SignPossibility(MailSecuritySystem.PGP, Address("support@example.com"), [Usable("support@example.com")]),
            false, ComposeCode.SignKeyMissing, "The PGP key for support@example.com was not found.", "support@example.com");
        Says(SecurityOptions.SignPossibility(MailSecuritySystem.SMIME, Address("support@example.com"), [Expired("support@example.com", privateKey: true)]),
            false, ComposeCode.SignKeyExpired, "The certificate for support@example.com was found, but has expired.", "support@example.com");
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

        Says(SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), Keys(weak)),
            false, ComposeCode.RecipientKeyWeak, "The certificate for a@example.com has an RSA key of 1024 bits, too weak to encrypt to.", "a@example.com");
        Says(SecurityOptions.SignPossibility(MailSecuritySystem.PGP, Address("a@example.com"), [weak]),
            false, ComposeCode.SignKeyWeak, "The PGP key for a@example.com has an RSA key of 1024 bits, too weak to sign with.", "a@example.com");
        Assert.True(SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), Keys(weak, Usable("a@example.com"))).Possible);
    }

    [Fact]
    public void An_ec_certificate_is_not_encrypted_to_and_says_why()
    {
        var ec = Usable("a@example.com") with { UsableForEncryption = false, EncryptionUnsupported = true };

        Says(SecurityOptions.EncryptPossibility(MailSecuritySystem.SMIME, To("a@example.com"), Keys(ec)), false, ComposeCode.RecipientKeyUnsupported,
            "The certificate for a@example.com has an EC key, which cannot be used for S/MIME encryption yet; import an RSA certificate for a@example.com.",
            "a@example.com");
    }
}
