using SecureMail.Domain.Common;
using SecureMail.Domain.Tickets;

namespace SecureMail.Domain.Tests.Tickets;

public class ComposingTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ArticleDraft Draft = new("Support", "a@example.com", ["a@example.com"], [], "Hello", "Body", null, []);

    [Fact]
    public void A_new_ticket_opens_with_its_first_article()
    {
        var ticketId = Guid.NewGuid();
        var articleId = Guid.NewGuid();

        var events = Composing.Compose(null, ticketId, articleId, "m1@example.com", "support@example.com", Draft, RequestedSecurity.None, "agent", Now).Events;

        Assert.Equal(new TicketOpened(ticketId, "Support", "a@example.com", "Hello", "agent", Now), events[0]);
        var composed = Assert.IsType<ArticleComposed>(events[1]);
        Assert.Equal((ticketId, articleId, "m1@example.com", (string?)null), (composed.TicketId, composed.ArticleId, composed.MessageId, composed.InReplyTo));
    }

    [Fact]
    public void A_reply_answers_the_latest_article_and_keeps_the_subject()
    {
        var ticket = Ticket.Open(new TicketOpened(Guid.NewGuid(), "Support", "a@example.com", "Hello", "agent", Now))
            .Add(new ArticleComposed(Guid.NewGuid(), Guid.NewGuid(), "m1@example.com", "s", ["a@example.com"], [], "Hello", "", null, [], RequestedSecurity.None, null, "agent", Now), version: 2);

        var reply = Assert.IsType<ArticleComposed>(Assert.Single(Composing.Compose(ticket, ticket.Id, Guid.NewGuid(), "m2@example.com", "s",
            Draft with { Subject = "" }, RequestedSecurity.None, "agent", Now).Events));

        Assert.Equal("m1@example.com", reply.InReplyTo);
        Assert.Equal("Re: Hello", reply.Subject);
    }

    [Fact]
    public void Only_a_newer_article_makes_an_expected_version_stale()
    {
        var ticket = Ticket.Open(new TicketOpened(Guid.NewGuid(), "Support", "a@example.com", "Hello", "agent", Now))
            .Add(new ArticleComposed(Guid.NewGuid(), Guid.NewGuid(), "m1@example.com", "s", ["a@example.com"], [], "Hello", "", null, [], RequestedSecurity.None, null, "agent", Now), version: 2)
            .Add(new ArticleComposed(Guid.NewGuid(), Guid.NewGuid(), "m2@example.com", "s", ["a@example.com"], [], "Hello", "", null, [], RequestedSecurity.None, null, "agent", Now), version: 4);

        Assert.True(Composing.Compose(ticket, ticket.Id, Guid.NewGuid(), "m3", "s", Draft, RequestedSecurity.None, "agent", Now, expectedVersion: 4).Accepted);
        Assert.True(Composing.Compose(ticket, ticket.Id, Guid.NewGuid(), "m3", "s", Draft, RequestedSecurity.None, "agent", Now, expectedVersion: 5).Accepted);
        var stale = Composing.Compose(ticket, ticket.Id, Guid.NewGuid(), "m3", "s", Draft, RequestedSecurity.None, "agent", Now, expectedVersion: 3).Rejection;
        Assert.Equal((RejectionKind.Conflict, ComposeCode.TicketChanged), (stale?.Kind, stale?.Code));
    }

    [Fact]
    public void An_article_without_recipients_is_refused()
    {
        var decision = Composing.Compose(null, Guid.NewGuid(), Guid.NewGuid(), "m", "s", Draft with { To = [] }, RequestedSecurity.None, "agent", Now);

        Assert.Equal((RejectionKind.Invalid, ComposeCode.NoRecipient, "There was no recipient found."),
            (decision.Rejection!.Kind, decision.Rejection.Code, decision.Rejection.Message));
    }
}
