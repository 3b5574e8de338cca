using System.Text.Json;
using Marten;
using SecureMail.Application.Messages;
using SecureMail.Application.Settings;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Tickets;
using Wolverine;

namespace SecureMail.Application.Inbound;

public sealed record ReceiveMessage(byte[] Raw, string Actor);

public sealed record ReceivedArticle(Guid TicketId, Guid ArticleId);

/// <summary>Carried by the durable outbox: decrypt and verify a stored message.</summary>
public sealed record ProcessInboundArticle(Guid TicketId, Guid ArticleId);

/// <param name="DefaultGroup">Inbound:DefaultGroup: the group of a new ticket whose mail names no group's address.</param>
/// <param name="ProcessingLimit">Inbound:ProcessingSeconds: how long one run of a message's security process may take.</param>
public sealed record InboundOptions(long MaxMessageBytes, string DefaultGroup, TimeSpan ProcessingLimit);

/// <summary>Stores the raw message and the fact of its arrival first, so nothing is lost whatever happens next;
/// decryption and verification follow from the outbox.</summary>
public static class ReceiveMessageHandler
{
    public static async Task<(ReceivedArticle, OutgoingMessages)> Handle(ReceiveMessage command, IDocumentSession session, IInboundMessageReader reader,
        IRawMessageStore messages, IGroupsAndSettings groupsAndSettings, InboundOptions options, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var envelope = reader.ReadEnvelope(command.Raw);
        var articleId = Guid.CreateVersion7(now);
        var received = new ArticleReceived(Guid.Empty, articleId, envelope.MessageId, envelope.From, envelope.FromName, envelope.To, envelope.Cc,
            envelope.DeliveredTo, envelope.Subject, envelope.Date, envelope.InReplyTo, command.Raw.LongLength, command.Actor, now);

        var ticket = await Thread(session, envelope, cancellation);
        Guid ticketId;
        if (ticket is not null)
        {
            ticketId = ticket.Id;
            // The version the ticket's inline view was read at: the new article is numbered right for the view, and a
            // write that slipped in since fails this one, which then runs again on the new state.
            session.Events.Append(ticketId, ticket.TicketVersion + 1, received with { TicketId = ticketId });
        }
        else
        {
            ticketId = Guid.CreateVersion7(now);
            var group = GroupFor(await groupsAndSettings.GroupsAsync(session, cancellation), envelope, options);
            var customer = envelope.From.FirstOrDefault() ?? "unknown";
            var subject = string.IsNullOrWhiteSpace(envelope.Subject) ? "(no subject)" : envelope.Subject;
            session.Events.StartStream<Ticket>(ticketId, new TicketOpened(ticketId, group, customer, subject, command.Actor, now), received with { TicketId = ticketId });
        }
        messages.Store(session, articleId, command.Raw);
        return (new ReceivedArticle(ticketId, articleId), [new ProcessInboundArticle(ticketId, articleId)]);
    }

    /// <summary>RFC 5322 §3.6.4: a reply names the message it answers (In-Reply-To) and its thread (References).
    /// Each id is one probe of the Message-ID index (StoreConfiguration); In-Reply-To and the newest references are
    /// enough to find a thread, so a hostile header with thousands of references costs at most <see cref="MaxThreadIds"/>.</summary>
    private static async Task<TicketDetails?> Thread(IQuerySession session, InboundEnvelope envelope, CancellationToken cancellation)
    {
        var ids = envelope.References.Reverse().Prepend(envelope.InReplyTo).OfType<string>().Where(id => id.Length > 0).Distinct()
            .Take(MaxThreadIds).ToArray();
        if (ids.Length == 0)
            return null;
        var probes = string.Join(" or ", ids.Select(_ => "data -> 'messageIds' @> ?::jsonb"));
        var tickets = await session.QueryAsync<TicketDetails>($"where {probes}", cancellation,
            ids.Select(id => (object)JsonSerializer.Serialize(new[] { id })).ToArray());
        return tickets.OrderByDescending(t => t.UpdatedAt).FirstOrDefault();
    }

    private const int MaxThreadIds = 100;

    /// <summary>The group of the first address (To, then Cc, then Delivered-To) that is a group's own.</summary>
    private static string GroupFor(IReadOnlyList<Group> groups, InboundEnvelope envelope, InboundOptions options) =>
        EmailAddress.Distinct([.. envelope.To, .. envelope.Cc, .. envelope.DeliveredTo])
            .Select(address => groups.FirstOrDefault(g => g.EmailAddress == address.Value))
            .FirstOrDefault(group => group is not null)?.Name ?? options.DefaultGroup;
}
