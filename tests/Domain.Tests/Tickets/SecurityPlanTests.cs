using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Domain.Tests.Tickets;

public class SecurityPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Group Support = new(Guid.NewGuid(), "Support", "support@example.com", SecurityDefaults.WheneverPossible, SecurityDefaults.WheneverPossible);
    private static readonly SecureMailing BothOn = new(Guid.NewGuid(), true, true);

    private static EncryptionRecipients To(params string[] to) => EncryptionRecipients.Of(to, []);

    private static KeyCandidate Key(string email, bool privateKey = false) =>
        new(MailSecuritySystem.SMIME, EmailAddress.Of(email), $"fp-{email}", Now.AddYears(1), false, privateKey, privateKey, true);

    private static readonly KeysByAddress Keys = new([Key("support@example.com", privateKey: true), Key("a@example.com"), Key("b@example.com")]);

    [Fact]
    public void Sign_and_encrypt_name_the_signer_and_every_recipient_plus_the_group_itself()
    {
        var decision = SecurityPlan.Decide(MailSecuritySystem.SMIME, true, true, BothOn, Support, To("a@example.com", "b@example.com"), Keys);

        Assert.Null(decision.Rejection);
        Assert.Equal("fp-support@example.com", decision.Value!.Signer!.Fingerprint);
        Assert.Equal(["fp-a@example.com", "fp-b@example.com", "fp-support@example.com"], decision.Value.Recipients.Select(r => r.Fingerprint));
    }

    [Fact]
    public void Omitted_choices_take_the_defaults_and_a_system_that_is_off_is_refused()
    {
        var plan = SecurityPlan.Decide(MailSecuritySystem.SMIME, null, null, BothOn, Support, To("a@example.com"), Keys).Value;
        var off = SecurityPlan.Decide(MailSecuritySystem.PGP, true, null, BothOn with { PgpEnabled = false }, Support, To("a@example.com"), Keys).Rejection;

        Assert.Equal(new RequestedSecurity(MailSecuritySystem.SMIME, true, true), plan!.Requested);
        Assert.Equal((RejectionKind.Invalid, ComposeCode.SecurityDisabled), (off!.Kind, off.Code));
        Assert.Equal("PGP is turned off; an admin can turn it on in the secure-mailing settings.", off.Message);
    }

    [Fact]
    public void Encrypting_to_a_recipient_without_a_key_is_refused_naming_them()
    {
        var decision = SecurityPlan.Decide(MailSecuritySystem.SMIME, false, true, BothOn, Support, To("a@example.com", "c@example.com"), Keys);

        Assert.Null(decision.Value);
        Assert.Equal("Cannot encrypt with S/MIME: The certificate for c@example.com was not found.", decision.Rejection!.Message);
        Assert.Equal(ComposeCode.RecipientKeyMissing, decision.Rejection.Code);
        Assert.Equal(["c@example.com"], decision.Rejection.Addresses);
    }

    [Fact]
    public void Signing_without_the_groups_private_key_is_refused_naming_the_group_address()
    {
        var decision = SecurityPlan.Decide(MailSecuritySystem.PGP, true, false, BothOn, Support, To("a@example.com"), new KeysByAddress([Key("a@example.com")]));

        Assert.Equal((ComposeCode.SignKeyMissing, "Cannot sign with PGP: The PGP key for support@example.com was not found."),
            (decision.Rejection!.Code, decision.Rejection.Message));
        Assert.Equal(["support@example.com"], decision.Rejection.Addresses);
    }

    [Fact]
    public void No_security_asked_is_no_plan()
    {
        Assert.Equal(SecurityPlan.None, SecurityPlan.Decide(null, true, true, BothOn, Support, To("a@example.com"), Keys).Value);
    }
}
