namespace SecureMail.Domain.Common;

public enum RejectionKind
{
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>A rule said no; the API turns the kind into 404, 409 or 422.</summary>
public sealed record Rejection(RejectionKind Kind, string Message);

/// <summary>The outcome of a pure decision: the events to append, or why there are none.</summary>
public sealed record Decision(IReadOnlyList<object> Events, Rejection? Rejection)
{
    public bool Accepted => Rejection is null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Reject(RejectionKind kind, string message) => new([], new Rejection(kind, message));
}
