using System.Text.Json;
using Marten;
using SecureMail.Application.Keystore.Alerts;
using SecureMail.Infrastructure.Telemetry;

namespace SecureMail.Api.Telemetry;

/// <summary>Counts the keystore's alerts for the <c>securemail.keystore.alerts</c> gauge every few minutes, on every node
/// (each node's metrics stand on their own), whether or not a digest is configured.</summary>
public sealed class KeystoreAlertCounts(IServiceScopeFactory scopes, SecureMailMetrics metrics, AlertOptions options, DigestOptions digest,
    TimeProvider clock, ILogger<KeystoreAlertCounts> logger) : BackgroundService
{
    private static readonly TimeSpan MostEvery = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            using var timer = new PeriodicTimer(digest.CheckEvery < MostEvery ? digest.CheckEvery : MostEvery, clock);
            do
                await CountAsync(stopping);
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    public async Task CountAsync(CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            var alerts = await KeystoreAlerts.ListAsync(session, options, clock.GetUtcNow(), stopping);
            metrics.KeystoreAlerts(alerts.GroupBy(a => (Code: Word(a.Code), Severity: Word(a.Severity)))
                .Select(same => KeyValuePair.Create(same.Key, same.Count())).ToList());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Counting the keystore's alerts failed; the gauge keeps its last count");
        }
    }

    // The same kebab-case words the alerts endpoint answers with.
    private static string Word<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, Words).Trim('"');

    private static readonly JsonSerializerOptions Words = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}
