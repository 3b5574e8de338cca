namespace SecureMail.Application.Inbound;

/// <summary>Told once an article's first security status is committed (a status after a retry is not first): how long the
/// service took from accepting the message to a status, measured without reading the ticket's history again.</summary>
public interface IFirstStatusLatency
{
    /// <param name="abandoned">The status is "not checked": the process gave up on the article without a verdict.</param>
    void Committed(DateTimeOffset acceptedAt, bool abandoned);
}
