using Marten;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Settings;

/// <summary>The group and the secure-mailing settings a compose or the security options start from. They change rarely,
/// so they may be served from memory as long as every change reaches every node (ADR 46).</summary>
public interface IGroupsAndSettings
{
    Task<(Group? Group, SecureMailing Settings)> LoadAsync(IQuerySession session, string groupName, CancellationToken cancellation);

    /// <summary>Every group: a new ticket from inbound mail takes the group whose address the mail was sent to.</summary>
    Task<IReadOnlyList<Group>> GroupsAsync(IQuerySession session, CancellationToken cancellation);
}
