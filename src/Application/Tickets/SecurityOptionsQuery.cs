using Marten;
using SecureMail.Application.Common;
using SecureMail.Application.Keystore;
using SecureMail.Application.Settings;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets;

/// <param name="TicketId">For a reply: the ticket's group is used. The recipients are the To and Cc given, as for compose.</param>
public sealed record SecurityOptionsRequest(string? Group, Guid? TicketId, IReadOnlyList<string> To, IReadOnlyList<string> Cc);

public sealed record SecurityOptionsAnswer(IReadOnlyList<SecurityOption> Options);

public static class SecurityOptionsQuery
{
    public static async Task<Outcome<SecurityOptionsAnswer>> Ask(IQuerySession session, SecurityOptionsRequest request, DateTimeOffset now, CancellationToken cancellation)
    {
        var recipients = EncryptionRecipients.Of(request.To, request.Cc);
        var groupName = request.Group;
        if (request.TicketId is { } ticketId)
        {
            if (await session.LoadAsync<TicketDetails>(ticketId, cancellation) is not { } ticket)
                return Outcome<SecurityOptionsAnswer>.Refused(new(RejectionKind.NotFound, $"There is no ticket {ticketId}."));
            groupName = ticket.Group;
        }
        if (string.IsNullOrWhiteSpace(groupName))
            return Outcome<SecurityOptionsAnswer>.Refused(new(RejectionKind.Invalid, "Name a group (or a ticket for a reply)."));
        if (await session.LoadAsync<Group>(Group.IdFor(groupName), cancellation) is not { } group)
            return Outcome<SecurityOptionsAnswer>.Refused(new(RejectionKind.Invalid, $"There is no group named \"{groupName}\"."));

        var settings = await ChangeSecureMailingHandler.Current(session, cancellation);
        var options = new List<SecurityOption>();
        foreach (var system in new[] { MailSecuritySystem.SMIME, MailSecuritySystem.PGP }.Where(settings.IsEnabled))
        {
            var keys = await KeyCandidates.For(session, system, recipients.Addresses.Append(group.EmailAddress), now, cancellation);
            options.Add(SecurityOptions.For(system, group, recipients, keys));
        }
        return Outcome<SecurityOptionsAnswer>.Of(new SecurityOptionsAnswer(options));
    }
}
