using Marten;
using SecureMail.Application.Common;
using SecureMail.Application.Groups;
using SecureMail.Application.Keystore;
using SecureMail.Application.Messages;
using SecureMail.Application.Settings;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Tickets;
using Wolverine;

namespace SecureMail.Application.Tickets.Compose;

/// <summary>Load what the decision needs, decide, open only the keys the plan names, compose, record, and hand the
/// message to the outbox. A refusal appends nothing and sends nothing.</summary>
public static class ComposeArticleHandler
{
    public static async Task<(Outcome<ComposedArticle>, OutgoingMessages)> Handle(ComposeArticle command, IDocumentSession session,
        SecurityKeys keys, IOutgoingMailComposer composer, IRawMessageStore messages, ISealedContentStore contents, TimeProvider clock,
        CancellationToken cancellation)
    {
        var none = new OutgoingMessages();
        var now = clock.GetUtcNow();
        var stream = command.TicketId is { } existing ? await session.Events.FetchForWriting<Ticket>(existing, cancellation) : null;
        if (command.TicketId is not null && stream?.Aggregate is null)
            return (Refuse(RejectionKind.NotFound, $"There is no ticket {command.TicketId}."), none);
        var ticket = stream?.Aggregate;
        var draft = ticket is null ? command.Draft : command.Draft with { Group = ticket.Group, Customer = ticket.Customer };

        if (await session.LoadAsync<Group>(Group.IdFor(draft.Group), cancellation) is not { } group)
            return (Refuse(RejectionKind.Invalid, $"There is no group named \"{draft.Group}\"."), none);
        var recipients = EncryptionRecipients.Of(draft.To, draft.Cc);
        var settings = await ChangeSecureMailingHandler.Current(session, cancellation);
        var candidates = command.SecurityType is { } system
            ? await KeyCandidates.For(session, system, recipients.Addresses.Append(group.EmailAddress), now, cancellation)
            : new Dictionary<string, IReadOnlyList<KeyCandidate>>();
        var (plan, refusal) = SecurityPlan.Decide(command.SecurityType, command.Sign, command.Encrypt, settings, group, recipients, candidates);
        if (refusal is not null)
            return (Outcome<ComposedArticle>.Refused(refusal), none);

        var ticketId = ticket?.Id ?? Guid.CreateVersion7(now);
        var articleId = Guid.CreateVersion7(now);
        var messageId = $"{articleId:N}@{group.EmailAddress.Split('@')[1]}";
        var decision = Composing.Compose(ticket, ticketId, articleId, messageId, group.EmailAddress, draft, plan!.Requested, command.Actor, now, command.ExpectedVersion);
        if (decision.Rejection is { } rejected)
            return (Outcome<ComposedArticle>.Refused(rejected), none);

        var composedEvent = decision.Events.OfType<ArticleComposed>().Single();
        var message = new OutgoingMessage(messageId, group.EmailAddress, group.Name, draft.To, draft.Cc, composedEvent.Subject, draft.Body, draft.Html,
            command.Attachments, composedEvent.InReplyTo, ticket?.Articles.Select(a => a.MessageId).ToList() ?? [], now);
        var outcome = await keys.Protect(session, composer, message, plan, ticketId, articleId, command.Actor, now, cancellation);
        // A key the plan found usable could not be used (a damaged key, a certificate that cannot sign): refused like any
        // other 422, with no ticket or article left behind that the client was never told about.
        if (outcome.Failure is { } failure)
            return (Refuse(RejectionKind.Invalid, failure), none);
        // The attachments as the composer listed them from the body it built: their ids are those a download finds.
        var listed = composedEvent with { Attachments = outcome.Mail!.Attachments };
        Append(session, stream, ticketId, [.. decision.Events.Select(e => ReferenceEquals(e, composedEvent) ? listed : e), .. outcome.Events]);

        messages.Store(session, articleId, outcome.Mail!.Raw);
        if (outcome.Mail.Plaintext is { } plaintext)
            contents.Store(session, articleId, plaintext);
        return (Outcome<ComposedArticle>.Of(new ComposedArticle(ticketId, articleId)), [new DeliverArticle(ticketId, articleId)]);
    }

    private static void Append(IDocumentSession session, JasperFx.Events.IEventStream<Ticket>? stream, Guid ticketId, IReadOnlyList<object> events)
    {
        if (stream is null)
            session.Events.StartStream<Ticket>(ticketId, events);
        else
            stream.AppendMany(events);
    }

    private static Outcome<ComposedArticle> Refuse(RejectionKind kind, string message) => Outcome<ComposedArticle>.Refused(new Rejection(kind, message));
}
