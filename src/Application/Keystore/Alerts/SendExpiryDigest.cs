using Microsoft.Extensions.Logging;
using SecureMail.Application.Common;
using SecureMail.Application.Delivery;
using SecureMail.Application.Tickets.Delivery;
using SecureMail.Domain.Keystore.Expiry;
using Wolverine;

namespace SecureMail.Application.Keystore.Alerts;

/// <param name="Lines">One sentence per key, as the keystore's alerts say it.</param>
public sealed record SendExpiryDigest(Guid DigestId, IReadOnlyList<string> Lines, int Attempt);

/// <summary>Sends the digest through the same transport as articles, retried after a temporary failure on the delivery
/// policy's delays. It runs from the durable local queue, so a node that dies after the warning was recorded leaves the
/// digest to another.</summary>
public static class SendExpiryDigestHandler
{
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) => DatabaseOutage.WaitOut(chain);

    public static async Task<OutgoingMessages> Handle(SendExpiryDigest command, IMailTransport transport, DigestOptions options, DeliveryPolicy policy,
        TimeProvider clock, ILogger<SendExpiryDigest> logger, CancellationToken cancellation)
    {
        var raw = PlainTextMail.Write(options.From, options.Recipients, ExpiryMessages.DigestSubject, ExpiryMessages.Digest(command.Lines),
            command.DigestId, clock.GetUtcNow());
        try
        {
            await transport.SendAsync(raw, options.From, options.Recipients, cancellation);
            return [];
        }
        catch (MailTransportFailed failed) when (!failed.Permanent && command.Attempt < policy.MaxAttempts)
        {
            logger.LogInformation("Key expiry digest {DigestId}: attempt {Attempt} failed ({Reason})", command.DigestId, command.Attempt, failed.Message);
            return [(command with { Attempt = command.Attempt + 1 }).DelayedFor(policy.RetryDelays[command.Attempt - 1])];
        }
        catch (MailTransportFailed failed)
        {
            logger.LogError("Key expiry digest {DigestId} was not sent after {Attempts} attempt(s): {Reason}", command.DigestId, command.Attempt, failed.Message);
            return [];
        }
    }
}
