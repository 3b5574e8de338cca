using SecureMail.Application.Keystore.Alerts;
using Wolverine;

namespace SecureMail.Api.Keystore;

/// <summary>Each node checks the groups' keys a minute after it starts and then every Keystore:ExpiryCheckMinutes. Every
/// node checks, so the digest does not depend on one node staying up; the warnings' derived streams keep it to one mail.
/// A Wolverine message that schedules its own successor would add one more chain at every start of every node.</summary>
public sealed class ExpiryCheckSchedule(IServiceScopeFactory scopes, DigestOptions options, ILogger<ExpiryCheckSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan FirstCheckAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (options.Recipients.Count == 0)
            return;
        try
        {
            await Task.Delay(FirstCheckAfter, stopping);
            using var timer = new PeriodicTimer(options.CheckEvery);
            do
                await Check(stopping);
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task Check(CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new CheckKeyExpiry(), stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The key expiry check failed; the next runs in {Interval}", options.CheckEvery);
        }
    }
}
