namespace SecureMail.Application.Audit;

/// <param name="Kind">different (both hold it, unequal), missing (the replay has it, the live model does not), extra (the live model has it, the replay does not).</param>
public sealed record ReplayDifference(string ReadModel, string Id, string Kind);

public sealed record ReplayReport(int ReadModels, long DocumentsCompared, IReadOnlyList<ReplayDifference> Differences)
{
    public bool Ok => Differences.Count == 0;
}

/// <summary>Rebuilds every stored read model from the events into a scratch schema and compares it, document by
/// document, with the live one: a difference means a read model no longer tells what the events say.</summary>
public interface IReadModelReplay
{
    Task<ReplayReport> RunAsync(CancellationToken cancellation);
}
