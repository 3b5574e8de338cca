using Wolverine;

namespace SecureMail.Api.Cluster;

/// <summary>How soon the queued work of a node that died (kill -9, a lost machine) passes to a living node: each node
/// writes a heartbeat every <c>Cluster:HeartbeatSeconds</c>, and one silent for <c>Cluster:NodeDeadAfterSeconds</c> is
/// declared dead, its durable inbox released. Wolverine's defaults (10 s, 60 s) unless configured. Too short a
/// deadline could declare a slow but living node dead, and its messages would then run twice.</summary>
public static class NodeHealth
{
    public static void Apply(DurabilitySettings durability, IConfiguration configuration)
    {
        if (configuration.GetValue<double?>("Cluster:HeartbeatSeconds") is { } heartbeat)
            durability.HealthCheckPollingTime = TimeSpan.FromSeconds(heartbeat);
        if (configuration.GetValue<double?>("Cluster:NodeDeadAfterSeconds") is { } deadline)
            durability.StaleNodeTimeout = TimeSpan.FromSeconds(deadline);
    }
}
