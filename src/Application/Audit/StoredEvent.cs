namespace SecureMail.Application.Audit;

/// <summary>An event row exactly as the events table holds it; <paramref name="Data"/> is PostgreSQL's text of the jsonb value.</summary>
public sealed record StoredEvent(long Sequence, string Id, string StreamId, long Version, string Type, DateTime Timestamp, string TenantId, string Data);

/// <summary>The chain's record of one event: its place in the chain, what was hashed, and the running hash.</summary>
public sealed record ChainLink(long Position, long Sequence, string StreamId, byte[] Digest, byte[] DataDigest, byte[] Hash);

/// <summary>A chain hash an auditor keeps outside the database (or a checkpoint the chain stored itself).</summary>
public sealed record Checkpoint(long Position, long Sequence, string Hash, DateTimeOffset CreatedAt);

public sealed record PinnedCheckpoint(long Sequence, string Hash);
