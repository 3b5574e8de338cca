using SecureMail.Application.Keystore.Collected;

namespace SecureMail.Api.Keystore.Candidates;

/// <summary>Keystore:CandidatesPerAddress (default 3) and Keystore:CandidateRetentionDays (default 30).</summary>
public static class CandidateSettings
{
    public static CandidateOptions From(IConfiguration configuration) => new(
        Math.Max(1, configuration.GetValue<int?>("Keystore:CandidatesPerAddress") ?? CandidateOptions.Default.PerAddress),
        TimeSpan.FromDays(Math.Max(1, configuration.GetValue<int?>("Keystore:CandidateRetentionDays") ?? (int)CandidateOptions.Default.Retention.TotalDays)));
}
