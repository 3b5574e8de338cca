namespace SecureMail.Domain.Common;

/// <summary>How a state folds its events, each event type declared once with its step. The event store's projection
/// includes exactly <see cref="EventTypes"/> and hands every event to <see cref="Evolve"/>, so adding an event to an
/// aggregate or a view is one line here.</summary>
/// <remarks>A step sees the event and the stream version it was appended at (what the ticket's articles remember as
/// the version they were added at).</remarks>
public sealed class Evolution<T> where T : class
{
    private readonly Dictionary<Type, Func<T?, object, long, T?>> steps = [];

    public IReadOnlyCollection<Type> EventTypes => steps.Keys;

    /// <summary>Starts the state; on a state that already exists, the step is skipped.</summary>
    public Evolution<T> Create<TEvent>(Func<TEvent, T> create) =>
        Step<TEvent>((state, e, _) => state ?? create(e));

    public Evolution<T> On<TEvent>(Func<T, TEvent, T> apply) =>
        Step<TEvent>((state, e, _) => state is null ? null : apply(state, e));

    public Evolution<T> On<TEvent>(Func<T, TEvent, long, T> apply) =>
        Step<TEvent>((state, e, version) => state is null ? null : apply(state, e, version));

    /// <summary>A step that may start the state as well as change it.</summary>
    public Evolution<T> Fold<TEvent>(Func<T?, TEvent, T> fold) =>
        Step<TEvent>((state, e, _) => fold(state, e));

    /// <summary>An event this state does not fold leaves it as it is.</summary>
    public T? Evolve(T? state, object e, long version) =>
        steps.TryGetValue(e.GetType(), out var step) ? step(state, e, version) : state;

    private Evolution<T> Step<TEvent>(Func<T?, TEvent, long, T?> step)
    {
        steps.Add(typeof(TEvent), (state, e, version) => step(state, (TEvent)e, version));
        return this;
    }
}

/// <summary>A state that declares how it folds its events.</summary>
public interface IEvolving<T> where T : class, IEvolving<T>
{
    static abstract Evolution<T> Evolution { get; }
}
