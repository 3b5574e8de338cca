using Marten;
using SecureMail.Application.Common;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Expiry;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace SecureMail.Application.Keystore.Alerts;

/// <summary>Every node sends this on its own schedule (<see cref="DigestOptions.CheckEvery"/>).</summary>
public sealed record CheckKeyExpiry;

/// <summary>Names each group key that passed a digest threshold since the last check, once across all nodes: the warning
/// is recorded on a stream derived from key and threshold, and the digest is queued in the same transaction (the outbox).
/// A node that checks at the same moment fails to start the same stream, and its retry finds the warning recorded.</summary>
public static class CheckKeyExpiryHandler
{
    public static void Configure(HandlerChain chain)
    {
        chain.OnException<JasperFx.Events.ExistingStreamIdCollisionException>().Or<Marten.Exceptions.ExistingStreamIdCollisionException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
        DatabaseOutage.WaitOut(chain);
    }

    public static async Task<OutgoingMessages> Handle(CheckKeyExpiry command, IDocumentSession session, DigestOptions options, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (options.Recipients.Count == 0)
            return [];
        var now = clock.GetUtcNow();
        var lines = new List<string>();
        foreach (var alert in KeystoreAlerts.GroupKeyAlerts(await GroupKeys.LongestLastingAsync(session, cancellation), KeyExpiry.DigestThresholds.Max(), now))
        {
            var threshold = KeyExpiry.TightestThresholdPassed(alert.ExpiresAt!.Value, now)!.Value;
            var id = KeystoreIds.ForExpiryWarning(alert.Fingerprint, threshold);
            if (await session.Events.FetchStreamStateAsync(id, cancellation) is not null)
                continue;
            session.Events.StartStream(id, new KeyExpiryWarningSent(id, alert.System.ToString(), alert.Fingerprint, threshold, alert.ExpiresAt.Value, alert.Groups,
                options.Recipients, Actors.System, now));
            lines.Add(alert.Message);
        }
        return lines.Count == 0 ? [] : [new SendExpiryDigest(Guid.NewGuid(), lines, 1)];
    }
}
