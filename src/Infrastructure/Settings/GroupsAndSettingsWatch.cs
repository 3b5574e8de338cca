using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;

namespace SecureMail.Infrastructure.Settings;

/// <summary>Every node looks at the version of every group and of the settings, once per interval: a version that moved
/// (a change committed on any node: the documents are written in the transaction of their events) evicts that document
/// from this node's memory. One small query per interval per node replaces two reads per compose.</summary>
public sealed class GroupsAndSettingsWatch(IDocumentStore store, CachedGroupsAndSettings cache, GroupsAndSettingsOptions options,
    ILogger<GroupsAndSettingsWatch> logger) : BackgroundService
{
    private Dictionary<Guid, long>? seen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var query = $"select id, mt_version from {Table<Group>()} union all select id, mt_version from {Table<SecureMailing>()}";
        using var timer = new PeriodicTimer(options.CheckEvery);
        do
        {
            try
            {
                Compare(await VersionsAsync(query, stoppingToken));
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                if (seen is not null)
                    logger.LogWarning("Groups and settings are read from the database until their versions can be checked again ({Message})", failure.Message);
                seen = null;
                cache.Unwatched();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Compare(Dictionary<Guid, long> now)
    {
        if (seen is null)
            cache.EvictAll();
        else
            foreach (var id in seen.Keys.Union(now.Keys))
                if (seen.GetValueOrDefault(id, -1) != now.GetValueOrDefault(id, -1))
                    cache.Evict(id);
        seen = now;
        cache.Watched();
    }

    private async Task<Dictionary<Guid, long>> VersionsAsync(string query, CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var versions = new Dictionary<Guid, long>();
        while (await reader.ReadAsync(cancellation))
            versions[reader.GetGuid(0)] = reader.GetInt64(1);
        return versions;
    }

    private string Table<T>() => store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
}

/// <param name="CheckEvery">How long a change made on another node may take to reach this one.</param>
public sealed record GroupsAndSettingsOptions(TimeSpan CheckEvery)
{
    public static readonly TimeSpan DefaultCheckEvery = TimeSpan.FromSeconds(1);
}
