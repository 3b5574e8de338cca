using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Tickets;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>Turns whatever MimeKit or BouncyCastle throws while using a key into <see cref="MailSecurityFailed"/> naming
/// the problem; the libraries' own messages describe their internals, not what the agent can do.</summary>
internal static class SecurityGuard
{
    public static T Run<T>(KeyFailure failure, Func<T> action)
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
            throw new MailSecurityFailed(failure);
        }
    }

    public static MailSecurityFailed Failed(KeyFailure failure) => new(failure);
}
