namespace SecureMail.Application.Audit;

/// <summary>The tamper-evident hash chain over the event log (ADR 0010).</summary>
public interface IAuditChain
{
    /// <summary>Recomputes the chain from the events table and reports the first event that no longer matches.</summary>
    Task<VerificationReport> VerifyAsync(IReadOnlyList<PinnedCheckpoint> pins, CancellationToken cancellation);

    /// <summary>The checkpoints the chain stored, newest first: what an auditor copies out of the database.</summary>
    Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(int limit, CancellationToken cancellation);
}
