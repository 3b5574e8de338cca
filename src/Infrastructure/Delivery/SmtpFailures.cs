using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SecureMail.Application.Delivery;

namespace SecureMail.Infrastructure.Delivery;

/// <summary>Sorts what MailKit throws into "retry later" and "give up".</summary>
internal static class SmtpFailures
{
    public static MailTransportFailed? Classify(Exception exception, string relay) => exception switch
    {
        // RFC 5321 §4.2.1: 5yz is a permanent negative completion reply, 4yz a transient one.
        SmtpCommandException command => new MailTransportFailed(
            (int)command.StatusCode >= 500,
            $"{relay} answered {(int)command.StatusCode} {Describe(command)}: {command.Message.Trim()}",
            command),
        // A relay that is down, slow or misconfigured (TLS, credentials) is an operator's problem,
        // not the message's: keep the message and try again once it is fixed.
        SmtpProtocolException or IOException or SocketException or TimeoutException
            or ServiceNotConnectedException or SslHandshakeException or AuthenticationException
            or ServiceNotAuthenticatedException or NotSupportedException =>
            new MailTransportFailed(false, $"{relay}: {exception.Message}", exception),
        ParseException => new MailTransportFailed(true, $"Not a usable envelope address: {exception.Message}", exception),
        _ => null,
    };

    private static string Describe(SmtpCommandException command) => command.ErrorCode switch
    {
        SmtpErrorCode.RecipientNotAccepted => $"to recipient {command.Mailbox}",
        SmtpErrorCode.SenderNotAccepted => $"to sender {command.Mailbox}",
        SmtpErrorCode.MessageNotAccepted => "to the message",
        _ => "unexpectedly",
    };
}
