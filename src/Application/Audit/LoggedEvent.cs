using System.Text.Json;

namespace SecureMail.Application.Audit;

/// <summary>One event as the log holds it: <paramref name="Type"/> is Marten's alias (certificate_imported),
/// <paramref name="Data"/> the stored JSON, <paramref name="Actor"/> the event's own "...By" value.</summary>
public sealed record LoggedEvent(long Sequence, string StreamId, long Version, string Type, DateTimeOffset Timestamp, string? Actor, JsonElement Data);

public sealed record StreamHistory(string StreamId, IReadOnlyList<LoggedEvent> Events);

/// <summary><paramref name="Next"/> is the <c>after</c> of the following page; null when this page reached the end.</summary>
public sealed record EventLogPage(IReadOnlyList<LoggedEvent> Events, long? Next);
