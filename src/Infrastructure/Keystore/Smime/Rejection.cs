using SecureMail.Application.Keystore;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>Turns whatever a parser throws on hostile input into <see cref="KeyMaterialRejected"/>.</summary>
internal static class Rejection
{
    public static KeyMaterialRejected Unreadable(string message) => new(KeyMaterialProblem.Unreadable, message);

    public static KeyMaterialRejected Unsupported(string message) => new(KeyMaterialProblem.Unsupported, message);

    public static void Guard(Action check, string messageOnFailure) => Guard(() => { check(); return true; }, messageOnFailure);

    // Library messages are not passed on: they are not written for admins and could echo input.
    public static T Guard<T>(Func<T> read, string messageOnFailure)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is KeyMaterialRejected or OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            throw Unreadable(messageOnFailure);
        }
    }
}
