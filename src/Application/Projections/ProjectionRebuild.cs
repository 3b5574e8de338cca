namespace SecureMail.Application.Projections;

/// <summary>The latest rebuild of one projection (the document id is the projection's name), kept in the store so
/// that every node reports the same progress and a rebuild interrupted by a crash is visible until it resumes.</summary>
/// <param name="State">requested, running, completed or failed.</param>
/// <param name="StreamsRebuilt">Streams folded so far by the first pass, of <paramref name="StreamsTotal"/>.</param>
/// <param name="EventsApplied">Their events, of <paramref name="EventsTotal"/>.</param>
/// <param name="DocumentsRepaired">Documents that differed from their events and were rewritten.</param>
/// <param name="Passes">The first pass folds every stream; each later one checks the repaired documents appended to since.</param>
public sealed record ProjectionRebuild(
    string Id,
    string State,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt = null,
    long StreamsTotal = 0,
    long StreamsRebuilt = 0,
    long EventsTotal = 0,
    long EventsApplied = 0,
    long DocumentsRepaired = 0,
    int Passes = 0,
    string? Error = null)
{
    public const string Requested = "requested";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public bool InProgress => State is Requested or Running;
}
