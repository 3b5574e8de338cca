using System.Diagnostics;
using System.Diagnostics.Metrics;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Infrastructure.Telemetry;

/// <summary>The service's own instruments. Every tag value is one of a few fixed words or a reason code: never a subject,
/// an address, a fingerprint, mail content or key material, so that a metrics store may be read by anyone who watches
/// the service.</summary>
public sealed class SecureMailMetrics
{
    public const string MeterName = "SecureMail";

    private readonly Counter<long> composed;
    private readonly Counter<long> securityOutcomes;
    private readonly Counter<long> deliveries;
    private readonly Histogram<int> deliveryAttempts;
    private readonly Histogram<double> inboundStatusLatency;
    private volatile IReadOnlyList<KeyValuePair<(string Code, string Severity), int>> keystoreAlerts = [];

    public SecureMailMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        composed = meter.CreateCounter<long>("securemail.articles.composed", "{article}",
            "Articles composed, by security system and whether they were signed and encrypted");
        securityOutcomes = meter.CreateCounter<long>("securemail.security.outcomes", "{operation}",
            "Sign, encrypt, decrypt and verify outcomes, by reason code");
        deliveries = meter.CreateCounter<long>("securemail.deliveries", "{article}", "Outgoing articles delivered or given up");
        deliveryAttempts = meter.CreateHistogram<int>("securemail.delivery.attempts", "{attempt}",
            "Attempts an outgoing article took until it was delivered or given up",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3, 4, 5, 6, 8, 10] });
        inboundStatusLatency = meter.CreateHistogram<double>("securemail.inbound.status_latency", "s",
            "Time from an incoming message's acceptance (202) to its first security status",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        meter.CreateObservableGauge("securemail.keystore.alerts", () => keystoreAlerts.Select(count => new Measurement<int>(count.Value,
                new KeyValuePair<string, object?>("code", count.Key.Code), new KeyValuePair<string, object?>("severity", count.Key.Severity))),
            "{alert}", "Keys and certificates that expire within the warning window or have expired, and stale CRLs, by alert code");
    }

    /// <summary>The latest count of keystore alerts, read by the gauge at each collection (a query there would block the
    /// collector on the database).</summary>
    public void KeystoreAlerts(IReadOnlyList<KeyValuePair<(string Code, string Severity), int>> counts) => keystoreAlerts = counts;

    public void Composed(RequestedSecurity security) => composed.Add(1, new TagList
    {
        { "system", SystemName(security.Type) },
        { "sign", security.Sign ? "true" : "false" },
        { "encrypt", security.Encrypt ? "true" : "false" },
    });

    public void SecurityOutcome(string operation, MailSecuritySystem? system, string outcome, string code) => securityOutcomes.Add(1, new TagList
    {
        { "operation", operation },
        { "system", SystemName(system) },
        { "outcome", outcome },
        { "code", code },
    });

    public void Delivery(string outcome, int attempts)
    {
        deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        deliveryAttempts.Record(attempts, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void InboundStatus(TimeSpan sinceAccepted, string status) =>
        inboundStatusLatency.Record(Math.Max(0, sinceAccepted.TotalSeconds), new KeyValuePair<string, object?>("status", status));

    private static string SystemName(MailSecuritySystem? system) => system switch
    {
        MailSecuritySystem.SMIME => "smime",
        MailSecuritySystem.PGP => "pgp",
        _ => "none",
    };
}
