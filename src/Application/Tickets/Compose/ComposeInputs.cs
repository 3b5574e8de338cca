using JasperFx.Events;
using Marten;
using SecureMail.Application.Groups;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Application.Settings;
using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Compose;

/// <summary>What a compose reads before it decides: the ticket's stream (a reply), then the group and the settings (from
/// memory, <see cref="IGroupsAndSettings"/>), then the keys of the system asked for (<see cref="HeldKeys"/>), and the group's public PGP key only when the agent
/// asked to attach it (found as its download is, <see cref="GroupPublicKeys"/>).</summary>
public sealed record ComposeInputs(IEventStream<Ticket>? Stream, ComposeFacts Facts, DateTimeOffset Now)
{
    public static async Task<ComposeInputs> LoadAsync(ComposeIntent intent, IDocumentSession session, IGroupsAndSettings groupsAndSettings,
        PgpDomainAliases aliases, DateTimeOffset now, CancellationToken cancellation)
    {
        var stream = intent.TicketId is { } id ? await session.Events.FetchForWriting<Ticket>(id, cancellation) : null;
        var ticket = stream?.Aggregate;
        if (intent.TicketId is not null && ticket is null)
            return new(stream, new ComposeFacts(null, null, SecureMailing.Off(KeystoreIds.SecureMailingSettings), KeysByAddress.None), now);

        var (group, settings) = await groupsAndSettings.LoadAsync(session, ticket?.Group ?? intent.Draft.Group, cancellation);

        var keys = KeysByAddress.None;
        if (group is not null && intent.System is { } system && settings.IsEnabled(system))
        {
            var sender = EmailAddress.Of(group.EmailAddress);
            var recipients = EncryptionRecipients.Of(intent.Draft.To, intent.Draft.Cc).Addresses;
            var chainFor = system == MailSecuritySystem.SMIME && intent.Sign != false ? sender : (EmailAddress?)null;
            keys = await HeldKeys.LoadAsync(session, [system], recipients.Append(sender), chainFor, aliases, now, cancellation);
        }
        var publicKey = group is not null && intent.AttachPublicKey ? (await GroupPublicKeys.PgpKeyAsync(session, group, now, cancellation))?.PgpKey : null;
        return new(stream, new ComposeFacts(ticket, group, settings, keys, publicKey), now);
    }

    public void Append(IDocumentSession session, Guid ticketId, IReadOnlyList<object> events)
    {
        if (Stream is null)
            session.Events.StartStream<Ticket>(ticketId, events);
        else
            Stream.AppendMany(events);
    }
}
