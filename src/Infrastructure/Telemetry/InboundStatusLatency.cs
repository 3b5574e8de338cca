using SecureMail.Application.Inbound;

namespace SecureMail.Infrastructure.Telemetry;

/// <summary>The time from an incoming message's acceptance to the first security status it got, measured when that
/// status is committed.</summary>
public sealed class InboundStatusLatency(SecureMailMetrics metrics, TimeProvider time) : IFirstStatusLatency
{
    public void Committed(DateTimeOffset acceptedAt, bool abandoned) =>
        metrics.InboundStatus(time.GetUtcNow() - acceptedAt, abandoned ? "abandoned" : "verdict");
}
