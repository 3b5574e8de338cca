using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Domain.Tests.Tickets;

public class ComposeDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid TicketId = Guid.NewGuid();
    private static readonly Guid ArticleId = Guid.NewGuid();
    private static readonly Group Support = new(Guid.NewGuid(), "Support", "support@example.com", SecurityDefaults.WheneverPossible, SecurityDefaults.WheneverPossible);
    private static readonly SecureMailing SmimeOn = new(Guid.NewGuid(), true, false);
    private static readonly ArticleDraft Draft = new("Support", "a@example.com", ["a@example.com"], [], "Hello", "Body", null, [new("a.txt", "text/plain", 3)]);

    private static KeyCandidate Key(string email, bool privateKey = false) =>
        new(MailSecuritySystem.SMIME, EmailAddress.Of(email), $"fp-{email}", Now.AddYears(1), false, privateKey, privateKey, true)
        {
            Material = new KeyMaterial($"CN={email}", "", [], Guid.NewGuid()),
        };

    private static readonly KeysByAddress Keys = new([Key("support@example.com", privateKey: true), Key("a@example.com")]);

    private static ComposeIntent Intent(MailSecuritySystem? system = MailSecuritySystem.SMIME, Guid? ticketId = null) =>
        new(ticketId, null, Draft, system, true, true, "agent");

    private static Decision<OutgoingArticle> Decide(ComposeIntent intent, ComposeFacts facts) => ComposeDecision.Decide(intent, facts, TicketId, ArticleId, Now);

    [Fact]
    public void A_new_signed_and_encrypted_ticket_records_its_opening_and_article_and_plans_the_keys()
    {
        var decision = Decide(Intent(), new ComposeFacts(null, Support, SmimeOn, Keys));

        Assert.Equal([typeof(TicketOpened), typeof(ArticleComposed)], decision.Events.Select(e => e.GetType()));
        var article = decision.Value!;
        Assert.Equal($"{ArticleId:N}@example.com", article.Article.MessageId);
        Assert.Equal(("Support", "support@example.com"), (article.FromName, article.Article.From));
        Assert.Equal("fp-support@example.com", article.Security.Signer!.Fingerprint);
        Assert.Equal(["fp-a@example.com", "fp-support@example.com"], article.Security.Recipients.Select(r => r.Fingerprint));
    }

    [Fact]
    public void What_was_applied_is_recorded_with_the_attachments_as_built()
    {
        var decision = Decide(Intent(), new ComposeFacts(null, Support, SmimeOn, Keys));
        AttachmentInfo built = new("a.txt", "text/plain", 3, "2");

        var events = ComposeDecision.Record(decision, new ProtectionApplied([built], "SHA-256", "AES-256-CBC", null));

        Assert.Equal([built], Assert.IsType<ArticleComposed>(events[1]).Attachments);
        var signed = Assert.IsType<ArticleSigned>(events[2]);
        Assert.Equal(("fp-support@example.com", "CN=support@example.com", "SHA-256", "agent"), (signed.SignerKeyFingerprint, signed.SignerName, signed.Digest, signed.SignedBy));
        var encrypted = Assert.IsType<ArticleEncrypted>(events[3]);
        Assert.Equal(("AES-256-CBC", 2), (encrypted.Cipher, encrypted.RecipientFingerprints.Count));
    }

    [Fact]
    public void Attaching_the_public_key_takes_the_groups_pgp_key_and_is_refused_without_one()
    {
        var intent = Intent(system: null) with { AttachPublicKey = true };
        var key = Keystore.Facts.PgpKey("support@example.com");

        var refused = Decide(intent, new ComposeFacts(null, Support, SmimeOn, Keys)).Rejection!;
        var attached = Decide(intent, new ComposeFacts(null, Support, SmimeOn, Keys, key)).Value!;

        Assert.Equal((ComposeCode.PublicKeyMissing, RejectionKind.Invalid), (refused.Code, refused.Kind));
        Assert.Equal(["support@example.com"], refused.Addresses);
        Assert.Same(key, attached.AttachedPublicKey);
        Assert.Null(Decide(Intent(system: null), new ComposeFacts(null, Support, SmimeOn, Keys, key)).Value!.AttachedPublicKey);
    }

    [Fact]
    public void Without_security_nothing_but_the_article_is_recorded()
    {
        var decision = Decide(Intent(system: null), new ComposeFacts(null, Support, SmimeOn, KeysByAddress.None));

        Assert.Equal(SecurityPlan.None, decision.Value!.Security);
        Assert.Equal(2, ComposeDecision.Record(decision, new ProtectionApplied([], null, null, null)).Count);
    }

    public static TheoryData<string, RejectionKind, ComposeCode> Refusals() => new()
    {
        { "unknown ticket", RejectionKind.NotFound, ComposeCode.TicketUnknown },
        { "unknown group", RejectionKind.Invalid, ComposeCode.GroupUnknown },
        { "system off", RejectionKind.Invalid, ComposeCode.SecurityDisabled },
        { "no signing key", RejectionKind.Invalid, ComposeCode.SignKeyMissing },
        { "no recipient key", RejectionKind.Invalid, ComposeCode.RecipientKeyMissing },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_names_its_rule_and_records_nothing(string cause, RejectionKind kind, ComposeCode code)
    {
        var facts = new ComposeFacts(null, Support, SmimeOn, Keys);
        var decision = cause switch
        {
            "unknown ticket" => Decide(Intent(ticketId: Guid.NewGuid()), facts),
            "unknown group" => Decide(Intent(), facts with { Group = null }),
            "system off" => Decide(Intent(), facts with { Settings = SmimeOn with { SmimeEnabled = false } }),
            "no signing key" => Decide(Intent(), facts with { Keys = new KeysByAddress([Key("a@example.com")]) }),
            _ => Decide(Intent(), facts with { Keys = new KeysByAddress([Key("support@example.com", privateKey: true)]) }),
        };

        Assert.Equal((kind, code), (decision.Rejection!.Kind, decision.Rejection.Code));
        Assert.Empty(decision.Events);
        Assert.Null(decision.Value);
    }
}
