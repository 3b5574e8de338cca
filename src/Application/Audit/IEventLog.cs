namespace SecureMail.Application.Audit;

/// <summary>The event log read as stored, for auditors: no projection and no deserialization in between.</summary>
public interface IEventLog
{
    /// <summary>The stream's events by version; null when there is no such stream.</summary>
    Task<StreamHistory?> StreamAsync(Guid streamId, CancellationToken cancellation);

    /// <summary>Events in sequence order, read from the database as they are enumerated.</summary>
    IAsyncEnumerable<LoggedEvent> ReadAsync(EventLogQuery query, CancellationToken cancellation);
}
