namespace SecureMail.Domain.Common;

public enum RejectionKind
{
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>A rule said no; the API turns the kind into 404, 409 or 422. <see cref="Code"/> names the rule for clients
/// that decide or translate without reading the sentence, <see cref="Addresses"/> the addresses it concerns.</summary>
public sealed record Rejection(RejectionKind Kind, string Message)
{
    public Tickets.ComposeCode? Code { get; init; }

    public IReadOnlyList<string> Addresses { get; init; } = [];
}

/// <summary>The outcome of a pure decision: the events to append, or why there are none.</summary>
public sealed record Decision(IReadOnlyList<object> Events, Rejection? Rejection)
{
    public bool Accepted => Rejection is null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Reject(RejectionKind kind, string message) => new([], new Rejection(kind, message));
}

/// <summary>A decision that also yields a value (what to do next, or what a query answers): the events and the value,
/// or the rejection and neither.</summary>
public sealed record Decision<T>(IReadOnlyList<object> Events, T? Value, Rejection? Rejection) where T : class
{
    public bool Accepted => Rejection is null;

    public static Decision<T> Accept(T value, params object[] events) => new(events, value, null);

    public static Decision<T> Reject(Rejection rejection) => new([], null, rejection);

    public static implicit operator Decision<T>(Rejection rejection) => Reject(rejection);
}
