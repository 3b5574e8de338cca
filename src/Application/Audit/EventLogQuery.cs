namespace SecureMail.Application.Audit;

/// <summary>A slice of the global log: events after a sequence, optionally of some types and within [From, To).</summary>
public sealed record EventLogQuery(long After, int? Limit, IReadOnlyList<string> Types, DateTimeOffset? From, DateTimeOffset? To)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>A page for JSON answers: the limit defaults to 100 and is capped at 1000.</summary>
    public static EventLogQuery Page(long? after, int? limit, string? types, DateTimeOffset? from, DateTimeOffset? to) =>
        new(Math.Max(after ?? 0, 0), Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), SplitTypes(types), from, to);

    /// <summary>An export: no limit unless asked for, since it is streamed and never held in memory.</summary>
    public static EventLogQuery Export(long? after, int? limit, string? types, DateTimeOffset? from, DateTimeOffset? to) =>
        new(Math.Max(after ?? 0, 0), limit is > 0 ? limit : null, SplitTypes(types), from, to);

    private static IReadOnlyList<string> SplitTypes(string? types) =>
        (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
