using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Application.Audit;

namespace SecureMail.Infrastructure.Audit;

/// <summary>The event history readers and the hash chain: its key, its tables, and the subscription that writes it.
/// The subscription runs in Marten's async daemon, so the store needs <c>AddAsyncDaemon</c>.</summary>
public static class AuditSetup
{
    public const int DefaultCheckpointEvery = 1000;

    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        var key = new ChainKey(configuration["Audit:ChainKey"]);
        var checkpointEvery = configuration.GetValue<int?>("Audit:CheckpointEvery") ?? DefaultCheckpointEvery;
        if (checkpointEvery < 1)
            throw new InvalidOperationException("Audit:CheckpointEvery must be at least 1.");
        var chain = new ChainHash(key.Bytes);
        services.AddSingleton(chain);
        services.AddSingleton<IEventLog, PostgresEventLog>();
        services.AddSingleton<IAuditChain, PostgresAuditChain>();
        services.AddSingleton<IReadModelReplay, ScratchSchemaReplay>();
        services.ConfigureMarten(options => ApplyStore(options, chain, checkpointEvery));
        return services;
    }

    public static void ApplyStore(StoreOptions options, ChainHash chain, int checkpointEvery)
    {
        var tables = new AuditTables(options.DatabaseSchemaName);
        options.Storage.ExtendedSchemaObjects.AddRange(tables.Definitions());
        options.Events.Subscribe(new HashChainSubscription(chain, tables, new EventDigests(options.Events.DatabaseSchemaName), checkpointEvery));
    }
}
