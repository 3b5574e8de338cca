using Marten;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Application.Settings;
using SecureMail.Application.Tickets.Compose;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets;

/// <param name="TicketId">For a reply: the ticket's group is used. The recipients are the To and Cc given, as for compose.</param>
public sealed record SecurityOptionsRequest(string? Group, Guid? TicketId, IReadOnlyList<string> To, IReadOnlyList<string> Cc);

/// <summary>What Sign and Encrypt can do per system that is on, S/MIME first: the group and the settings (from memory),
/// then the keys of both systems for every address in one more (<see cref="HeldKeys"/>).</summary>
public static class SecurityOptionsQuery
{
    public static async Task<Decision<IReadOnlyList<SecurityOption>>> Ask(IQuerySession session, SecurityOptionsRequest request,
        IGroupsAndSettings groupsAndSettings, PgpDomainAliases aliases, DateTimeOffset now, CancellationToken cancellation)
    {
        var groupName = request.Group;
        if (request.TicketId is { } ticketId)
        {
            if (await session.LoadAsync<TicketDetails>(ticketId, cancellation) is not { } ticket)
                return ComposeMessages.Refusal(RejectionKind.NotFound, ComposeCode.TicketUnknown, ComposeMessages.NoTicket(ticketId));
            groupName = ticket.Group;
        }
        if (string.IsNullOrWhiteSpace(groupName))
            return ComposeMessages.Refusal(RejectionKind.Invalid, ComposeCode.GroupMissing, ComposeMessages.GroupMissing);

        var (group, settings) = await groupsAndSettings.LoadAsync(session, groupName, cancellation);
        if (group is null)
            return ComposeMessages.Refusal(RejectionKind.Invalid, ComposeCode.GroupUnknown, ComposeMessages.NoGroup(groupName));

        var systems = new[] { MailSecuritySystem.SMIME, MailSecuritySystem.PGP }.Where(settings.IsEnabled).ToList();
        var recipients = EncryptionRecipients.Of(request.To, request.Cc);
        var keys = await HeldKeys.LoadAsync(session, systems, recipients.Addresses.Append(EmailAddress.Of(group.EmailAddress)), null, aliases, now,
            cancellation);
        return Decision<IReadOnlyList<SecurityOption>>.Accept([.. systems.Select(system => SecurityOptions.For(system, group, recipients, keys.For(system)))]);
    }
}
