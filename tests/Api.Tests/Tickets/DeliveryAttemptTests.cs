using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureMail.Api.Tests.Support;
using SecureMail.Application.Delivery;
using SecureMail.Application.Messages;
using SecureMail.Application.Tickets.Compose;
using SecureMail.Application.Tickets.Delivery;
using SecureMail.Domain.Tickets;
using Wolverine;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Delivery attempts are counted by the delivery, not by Wolverine, which also counts the retries of a database
/// outage: those must not use up the relay's retries (a mail refused once after an outage was recorded as failed at
/// once). The delivery handler runs here against the real store and the real SMTP server, with nothing queued.</summary>
[Collection(RunningService.Name)]
public class DeliveryAttemptTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task A_temporary_refusal_schedules_the_next_attempt_after_the_configured_delay()
    {
        var alice = helpdesk.Mailbox("alice");
        service.Smtp.RefuseRecipient(alice, "451 4.3.0 Try again later");
        var (ticketId, articleId) = await StoredArticle(alice);

        var next = Assert.Single(await Deliver(new DeliverArticle(ticketId, articleId)));

        var scheduled = Assert.IsType<DeliveryMessage<DeliverArticle>>(next);
        Assert.Equal(new DeliverArticle(ticketId, articleId, Attempt: 2), scheduled.Message);
        Assert.Equal(TimeSpan.FromSeconds(1), scheduled.Options.ScheduleDelay);
    }

    [Fact]
    public async Task The_last_attempt_records_the_failure_with_its_number_and_the_relay_s_reason()
    {
        var bob = helpdesk.Mailbox("bob");
        service.Smtp.RefuseRecipient(bob, "451 4.3.0 Try again later");
        var (ticketId, articleId) = await StoredArticle(bob);
        var last = service.Host.Services.GetRequiredService<DeliveryPolicy>().MaxAttempts;

        Assert.Empty(await Deliver(new DeliverArticle(ticketId, articleId, last)));

        var failure = Assert.Single(await Recorded<ArticleDeliveryFailed>(ticketId));
        Assert.Equal(last, failure.Attempts);
        Assert.Contains("451", failure.Reason);
    }

    [Fact]
    public async Task An_accepted_attempt_is_recorded_with_its_number()
    {
        var carol = helpdesk.Mailbox("carol");
        var (ticketId, articleId) = await StoredArticle(carol);

        Assert.Empty(await Deliver(new DeliverArticle(ticketId, articleId, Attempt: 2)));

        Assert.Equal(2, Assert.Single(await Recorded<ArticleDelivered>(ticketId)).Attempts);
    }

    [Fact]
    public async Task A_reply_committed_during_the_send_makes_the_delivery_run_again_and_record_without_sending_twice()
    {
        var dave = helpdesk.Mailbox("dave");
        var (ticketId, articleId) = await StoredArticle(dave);
        var services = service.Host.Services;

        await using (var racing = services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            await Handle(new DeliverArticle(ticketId, articleId), racing);
            await using (var reply = services.GetRequiredService<IDocumentStore>().LightweightSession())
            {
                reply.Events.Append(ticketId, new ArticleComposed(ticketId, Guid.CreateVersion7(), $"reply-{articleId}@{helpdesk.Domain}", helpdesk.Address,
                    [dave], [], "Re: Attempts", "Later", null, [], RequestedSecurity.None, null, "agent", DateTimeOffset.UtcNow));
                await reply.SaveChangesAsync();
            }
            await Assert.ThrowsAnyAsync<JasperFx.ConcurrencyException>(() => racing.SaveChangesAsync());
        }
        Assert.Empty(await Deliver(new DeliverArticle(ticketId, articleId)));

        Assert.Single(await Recorded<ArticleDelivered>(ticketId));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(service.Smtp.Received(), mail => mail.Recipients.Contains(dave));
    }

    /// <summary>An article composed and stored as the compose handler leaves it, without its DeliverArticle message.</summary>
    private async Task<(Guid TicketId, Guid ArticleId)> StoredArticle(string to)
    {
        var store = service.Host.Services.GetRequiredService<IDocumentStore>();
        var messages = service.Host.Services.GetRequiredService<IRawMessageStore>();
        var (ticketId, articleId, now) = (Guid.CreateVersion7(), Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var messageId = $"attempts-{articleId}@{helpdesk.Domain}";
        await using var session = store.LightweightSession();
        session.Events.StartStream<Ticket>(ticketId,
            new TicketOpened(ticketId, helpdesk.Name, to, "Attempts", "agent", now),
            new ArticleComposed(ticketId, articleId, messageId, helpdesk.Address, [to], [], "Attempts", "Hello", null, [], RequestedSecurity.None, null, "agent", now));
        messages.Store(session, articleId, Encoding.ASCII.GetBytes(
            $"From: {helpdesk.Address}\r\nTo: {to}\r\nSubject: Attempts\r\nMessage-ID: <{messageId}>\r\nDate: {now:R}\r\n\r\nHello\r\n"));
        await session.SaveChangesAsync();
        return (ticketId, articleId);
    }

    /// <summary>The handler and its commit, as Wolverine runs them.</summary>
    private async Task<OutgoingMessages> Deliver(DeliverArticle command)
    {
        await using var session = service.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var outgoing = await Handle(command, session);
        await session.SaveChangesAsync();
        return outgoing;
    }

    private Task<OutgoingMessages> Handle(DeliverArticle command, IDocumentSession session)
    {
        var services = service.Host.Services;
        return DeliverArticleHandler.Handle(command, session, services.GetRequiredService<IRawMessageStore>(),
            services.GetRequiredService<IMailTransport>(), services.GetRequiredService<DeliveryPolicy>(), services.GetRequiredService<AcceptedSends>(),
            TimeProvider.System, services.GetRequiredService<ILogger<DeliverArticle>>(), CancellationToken.None);
    }

    private async Task<IReadOnlyList<T>> Recorded<T>(Guid ticketId)
    {
        await using var session = service.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(ticketId)).Select(e => e.Data).OfType<T>()];
    }
}
