using System.Collections.Concurrent;
using Marten;
using SecureMail.Application.Settings;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Settings;

namespace SecureMail.Infrastructure.Settings;

/// <summary>Groups and the settings, held in memory once read. A change made on this node evicts them when it commits
/// (<see cref="GroupsAndSettingsCommits"/>); one made on another node, when <see cref="GroupsAndSettingsWatch"/> sees the
/// document's version move in the table, within one check interval. Until the watch has its first look at the table, and
/// whenever it cannot look, nothing is served from memory.</summary>
/// <remarks>A read that raced with a change is not kept: every eviction moves the generation, and a read keeps what it found
/// only if the generation is the one it started under, so a document read just before a change cannot outlive it.</remarks>
public sealed class CachedGroupsAndSettings : IGroupsAndSettings
{
    private static readonly Guid SettingsId = KeystoreIds.SecureMailingSettings;
    private readonly ConcurrentDictionary<Guid, object> held = new();
    // Every group at once, for inbound mail's lookup by address, held under a key no document has; any eviction drops it, as
    // a group's change may be its address.
    private static readonly Guid EveryGroup = Guid.Empty;
    private long generation;
    private volatile bool watched;

    public async Task<(Group? Group, SecureMailing Settings)> LoadAsync(IQuerySession session, string groupName, CancellationToken cancellation)
    {
        var groupId = Group.IdFor(groupName);
        if (watched && held.TryGetValue(groupId, out var heldGroup) && held.TryGetValue(SettingsId, out var heldSettings))
            return ((Group)heldGroup, (SecureMailing)heldSettings);

        var startedUnder = Interlocked.Read(ref generation);
        var batch = session.CreateBatchQuery();
        var groupQuery = batch.Load<Group>(groupId);
        var settingsQuery = ChangeSecureMailingHandler.Current(batch);
        await batch.Execute(cancellation);
        var (group, settings) = (await groupQuery, await settingsQuery);
        Keep(startedUnder, groupId, group);
        // Settings never changed read as off and are held so: their document's first appearance is a version change too.
        Keep(startedUnder, SettingsId, settings);
        return (group, settings);
    }

    public async Task<IReadOnlyList<Group>> GroupsAsync(IQuerySession session, CancellationToken cancellation)
    {
        if (watched && held.TryGetValue(EveryGroup, out var heldGroups))
            return (IReadOnlyList<Group>)heldGroups;
        var startedUnder = Interlocked.Read(ref generation);
        var read = await session.Query<Group>().ToListAsync(cancellation);
        Keep(startedUnder, EveryGroup, read);
        return read;
    }

    /// <summary>The watch is looking: memory may serve.</summary>
    internal void Watched() => watched = true;

    /// <summary>The watch cannot look: memory is dropped and not used until it can again.</summary>
    internal void Unwatched()
    {
        watched = false;
        EvictAll();
    }

    internal void Evict(Guid id)
    {
        Interlocked.Increment(ref generation);
        held.TryRemove(id, out _);
        held.TryRemove(EveryGroup, out _);
    }

    internal void EvictAll()
    {
        Interlocked.Increment(ref generation);
        held.Clear();
    }

    // An unknown group is not held: any name can be asked for, and memory must not grow with them.
    private void Keep(long startedUnder, Guid id, object? document)
    {
        if (document is null || !watched)
            return;
        held[id] = document;
        if (Interlocked.Read(ref generation) != startedUnder)
            held.TryRemove(id, out _);
    }
}
