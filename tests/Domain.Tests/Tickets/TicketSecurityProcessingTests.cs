using SecureMail.Domain.Common;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Domain.Tests.Tickets;

/// <summary>The ticket aggregate keeps where each incoming article's security process stands, and decides on it whether
/// to process or retry.</summary>
public class TicketSecurityProcessingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid TicketId = Guid.NewGuid();
    private static readonly Guid ArticleId = Guid.NewGuid();

    private static Ticket Fold(params object[] events) =>
        events.Select((e, i) => (e, Version: i + 1L)).Aggregate((Ticket?)null, (ticket, x) => Ticket.Evolution.Evolve(ticket, x.e, x.Version))!;

    private static TicketOpened Opened() => new(TicketId, "Support", "alice@example.com", "Hello", "mailer", Now);

    private static ArticleReceived Received() => new(TicketId, ArticleId, "in-1@example.com", ["Alice@Example.com"], "Alice", ["support@example.com"], [], [],
        "Hello", Now, null, 100, "mailer", Now);

    private static InboundSecurity Security(Ticket ticket) => ticket.Article(ArticleId)!.Security!;

    [Fact]
    public void A_received_article_is_pending_until_an_outcome_is_recorded()
    {
        var received = Fold(Opened(), Received());
        var checkedPlain = Fold(Opened(), Received(), new ArticleSecurityChecked(TicketId, ArticleId, Now));

        Assert.Equal((ArticleDirection.Incoming, SecurityProcessing.Pending), (received.Article(ArticleId)!.Direction, Security(received).Processing));
        Assert.True(SecurityProcessDecisions.Awaits(received, ArticleId));
        Assert.Equal(SecurityProcessing.Processed, Security(checkedPlain).Processing);
        Assert.False(SecurityProcessDecisions.Awaits(checkedPlain, ArticleId));
    }

    [Fact]
    public void Failures_for_a_missing_key_make_the_article_wait_for_one_until_a_retry()
    {
        var failed = Fold(Opened(), Received(),
            new DecryptionFailed(TicketId, ArticleId, MailSecuritySystem.SMIME, SecurityCode.NoPrivateKey.Text(), "Unable to find private key to decrypt", Now));
        var retried = Fold(Opened(), Received(),
            new DecryptionFailed(TicketId, ArticleId, MailSecuritySystem.SMIME, "no-private-key", "Unable to find private key to decrypt", Now),
            new SecurityProcessRetried(TicketId, ArticleId, "admin", Now));

        Assert.Equal(new InboundSecurity(SecurityProcessing.Processed, MailSecuritySystem.SMIME, SecurityCode.NoPrivateKey), Security(failed));
        Assert.True(Security(failed).AwaitsPrivateKey);
        Assert.False(Security(failed).AwaitsSignerKey);
        Assert.Equal(InboundSecurity.Pending, Security(retried));
        Assert.False(Security(retried).AwaitsKey);
    }

    [Fact]
    public void Only_the_first_status_is_awaited_since_the_acceptance_retries_are_not()
    {
        var received = Fold(Opened(), Received() with { ReceivedAt = Now.AddSeconds(-3) });
        var failed = Fold(Opened(), Received(),
            new DecryptionFailed(TicketId, ArticleId, MailSecuritySystem.SMIME, "no-private-key", "Unable to find private key to decrypt", Now));
        var retried = Fold(Opened(), Received(), new SecurityProcessRetried(TicketId, ArticleId, "admin", Now));

        Assert.Equal(Now.AddSeconds(-3), Security(received).FirstStatusAwaitedSince);
        Assert.Null(Security(failed).FirstStatusAwaitedSince);
        Assert.Null(Security(retried).FirstStatusAwaitedSince);
        Assert.True(SecurityProcessDecisions.Awaits(retried, ArticleId));
    }

    [Fact]
    public void An_abandoned_article_is_not_processed_again_and_waits_for_no_key()
    {
        var abandoned = Fold(Opened(), Received(), Verdict.Abandoned(TicketId, ArticleId, SecurityCode.TimedOut, 1, TimeSpan.FromSeconds(30), Now));

        Assert.Equal(SecurityProcessing.Abandoned, Security(abandoned).Processing);
        Assert.False(SecurityProcessDecisions.Awaits(abandoned, ArticleId));
        Assert.False(Security(abandoned).AwaitsKey);
    }

    [Fact]
    public void A_retry_names_the_article_and_is_only_for_incoming_mail()
    {
        var outgoing = Guid.NewGuid();
        var ticket = Fold(Opened(), Received(), new ArticleSecurityChecked(TicketId, ArticleId, Now),
            new ArticleComposed(TicketId, outgoing, "m1@example.com", "support@example.com", ["alice@example.com"], [], "Re: Hello", "Hi", null, [],
                RequestedSecurity.None, "in-1@example.com", "agent", Now));

        Assert.Equal(RejectionKind.NotFound, SecurityProcessDecisions.Retry(ticket, TicketId, Guid.NewGuid(), "agent", null, Now).Rejection!.Kind);
        Assert.Equal(RejectionKind.Invalid, SecurityProcessDecisions.Retry(ticket, TicketId, outgoing, "agent", null, Now).Rejection!.Kind);
        var asked = SecurityProcessDecisions.Retry(ticket, TicketId, ArticleId, "agent", null, Now);
        Assert.Equal(new SecurityProcessRetried(TicketId, ArticleId, "agent", Now), Assert.Single(asked.Events));
    }

    [Fact]
    public void A_key_import_retries_only_an_article_that_still_waits_for_a_key()
    {
        var unknownSigner = new SignatureVerificationFailed(TicketId, ArticleId, MailSecuritySystem.PGP, "unknown-signer",
            "Unable to find certificate for validation", null, Now);
        var waiting = Fold(Opened(), Received(), unknownSigner);
        var done = Fold(Opened(), Received(), unknownSigner, new SecurityProcessRetried(TicketId, ArticleId, "system", Now, "key imported"),
            new SignatureVerified(TicketId, ArticleId, MailSecuritySystem.PGP, new Signer("alice@example.com", "Alice", "AB"), "SHA-256", Now));

        Assert.Single(SecurityProcessDecisions.Retry(waiting, TicketId, ArticleId, "system", "key imported", Now).Events);
        var again = SecurityProcessDecisions.Retry(done, TicketId, ArticleId, "system", "key imported", Now);
        Assert.True(again.Accepted);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Every_code_reads_back_from_the_text_events_store()
    {
        Assert.All(Enum.GetValues<SecurityCode>(), code => Assert.Equal(code, SecurityCodes.Parse(code.Text())));
        Assert.Equal("unknown-critical-subpacket", SecurityCode.UnknownCriticalSubpacket.Text());
        Assert.Equal(SecurityCode.Corrupt, SecurityCodes.Parse("a-code-from-the-future"));
    }
}
