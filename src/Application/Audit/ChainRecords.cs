namespace SecureMail.Application.Audit;

/// <summary>An event of the log by its record's digest (ADR 10), as the database computed it over the stored row
/// (ADR 20). <paramref name="DataDigest"/>, SHA-256 of the data's text, is read only where it is kept or compared.</summary>
public sealed record EventDigest(long Sequence, string StreamId, byte[] Digest, byte[]? DataDigest = null);

/// <summary>The chain's record of one event: its place in the chain, what was hashed, and the running hash.</summary>
public sealed record ChainLink(long Position, long Sequence, string StreamId, byte[] Digest, byte[] DataDigest, byte[] Hash);

/// <summary>A chain hash an auditor keeps outside the database (or a checkpoint the chain stored itself).</summary>
public sealed record Checkpoint(long Position, long Sequence, string Hash, DateTimeOffset CreatedAt);

public sealed record PinnedCheckpoint(long Sequence, string Hash);
