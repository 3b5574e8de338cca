using Marten;
using Marten.Services;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;

namespace SecureMail.Infrastructure.Settings;

/// <summary>A group or settings change committed on this node evicts what memory held of it at once, so the admin who made
/// it, and every request after, sees it here without waiting for the watch.</summary>
public sealed class GroupsAndSettingsCommits(CachedGroupsAndSettings cache) : DocumentSessionListenerBase
{
    private static readonly HashSet<Type> Changes = [.. Group.Evolution.EventTypes, .. SecureMailing.Evolution.EventTypes];

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var e in commit.GetEvents())
            if (Changes.Contains(e.EventType))
                cache.Evict(e.StreamId);
        return Task.CompletedTask;
    }
}
