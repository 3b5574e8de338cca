using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using SecureMail.Application.Delivery;

namespace SecureMail.Infrastructure.Delivery;

/// <summary>Relays finished messages over SMTP with MailKit.</summary>
/// <remarks>One connection per message: the helpdesk sends a few messages a minute, and a pooled
/// connection would need liveness probes and a rule for when a send that broke on a stale connection
/// may be repeated without the recipient getting it twice.</remarks>
public sealed class SmtpMailTransport : IMailTransport
{
    private readonly SmtpOptions _options;
    private readonly SecureSocketOptions _security;
    private readonly ILogger _logger;
    private readonly string _relay;

    public SmtpMailTransport(SmtpOptions options, ILogger<SmtpMailTransport>? logger = null)
    {
        _security = Validate(options);
        _options = options;
        _logger = logger ?? NullLogger<SmtpMailTransport>.Instance;
        _relay = $"SMTP relay {options.Host}:{options.Port}";
    }

    /// <summary>Refuses settings that cannot work, or that would send the password unencrypted on every connection.</summary>
    public static SecureSocketOptions Validate(SmtpOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
            throw new ArgumentException("Smtp:Host is required.", nameof(options));
        if (!Enum.TryParse(options.Security, ignoreCase: true, out SecureSocketOptions security) || !Enum.IsDefined(security))
            throw new ArgumentException(
                $"Smtp:Security '{options.Security}' is not one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}.",
                nameof(options));
        if (security == SecureSocketOptions.None && HasCredentials(options))
            throw new ArgumentException(
                "Smtp:Security None would send Smtp:Username's password unencrypted: use StartTls (usually port 587) or SslOnConnect (port 465), " +
                "or no credentials.", nameof(options));
        return security;
    }

    public async Task<string> SendAsync(byte[] rawMessage, string envelopeFrom, IReadOnlyList<string> recipients, CancellationToken cancellation)
    {
        if (recipients.Count == 0)
            throw new ArgumentException("A message needs at least one envelope recipient.", nameof(recipients));
        try
        {
            var sender = EnvelopeAddress(envelopeFrom);
            var to = recipients.Select(EnvelopeAddress).ToList();
            var message = RawMessage.Load(rawMessage, cancellation);

            using var client = new VerbatimSmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
            await client.ConnectAsync(_options.Host, _options.Port, _security, cancellation);
            if (HasCredentials(_options))
            {
                // StartTlsWhenAvailable (and Auto) go on in the clear when the relay offers no STARTTLS, or when someone on
                // the way strips it from the relay's answer: fine for mail, but the password would go with it.
                if (!client.IsSecure)
                    throw new MailTransportFailed(false,
                        $"{_relay} offered no TLS, so the credentials were not sent over a plain connection; enable STARTTLS on the relay " +
                        "or set Smtp:Security to StartTls or SslOnConnect.");
                await client.AuthenticateAsync(_options.Username!, _options.Password ?? "", cancellation);
            }
            var reply = await client.SendAsync(RawMessage.Format, message, sender, to, cancellation);
            await QuitQuietly(client);

            _logger.LogInformation("{Relay} accepted a message for {Count} recipient(s): {Reply}", _relay, to.Count, reply);
            return reply;
        }
        catch (Exception exception) when (!cancellation.IsCancellationRequested
            && (exception as MailTransportFailed ?? SmtpFailures.Classify(exception, _relay)) is { } failure)
        {
            _logger.LogWarning("{Failure} ({Kind})", failure.Message, failure.Permanent ? "permanent" : "transient");
            throw failure;
        }
    }

    // The relay has taken the message: a failure to say goodbye must not make us send it twice.
    private async Task QuitQuietly(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException or TimeoutException)
        {
            _logger.LogDebug(exception, "{Relay} dropped the connection after accepting a message", _relay);
        }
    }

    private static bool HasCredentials(SmtpOptions options) => !string.IsNullOrEmpty(options.Username);

    // An empty address becomes the null reverse-path "<>" (RFC 5321 §4.5.5), how bounces and auto-replies are sent.
    private static MailboxAddress EnvelopeAddress(string address) => new("", address);
}
