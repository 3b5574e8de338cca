using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Tickets;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>Turns whatever MimeKit or BouncyCastle throws while using a key into <see cref="MailSecurityFailed"/>,
/// with a reason written for people; the libraries' own messages describe their internals.</summary>
internal static class SecurityGuard
{
    public static T Run<T>(SecurityOperation operation, string reason, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (MailSecurityFailed)
        {
            throw;
        }
        catch (Exception)
        {
            throw new MailSecurityFailed(operation, reason);
        }
    }

    public static MailSecurityFailed Failed(SecurityOperation operation, string reason) => new(operation, reason);
}
