using SecureMail.Domain.Common;

namespace SecureMail.Application.Common;

/// <summary>A command's result: the value, or the rule that refused it.</summary>
public sealed record Outcome<T>(T? Value, Rejection? Rejection) where T : class
{
    public static Outcome<T> Of(T value) => new(value, null);

    public static Outcome<T> Refused(Rejection rejection) => new(null, rejection);
}
