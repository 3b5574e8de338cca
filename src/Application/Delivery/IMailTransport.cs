namespace SecureMail.Application.Delivery;

/// <summary>Hands a finished message to the next hop: an SMTP relay (MailKit) or a pickup directory.
/// Implemented in Infrastructure.</summary>
public interface IMailTransport
{
    /// <returns>What the next hop answered (the SMTP server's final reply, or the file written), for the record.</returns>
    /// <exception cref="MailTransportFailed">The message was not accepted.</exception>
    Task<string> SendAsync(byte[] rawMessage, string envelopeFrom, IReadOnlyList<string> recipients, CancellationToken cancellation);
}

/// <param name="Permanent">The server refused for good (SMTP 5xx): retrying cannot help.</param>
public sealed class MailTransportFailed(bool permanent, string message, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
