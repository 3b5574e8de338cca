namespace SecureMail.Application.Keystore.Collected;

/// <param name="PerAddress">Keystore:CandidatesPerAddress: pending candidates kept per e-mail address, the newest.</param>
/// <param name="Retention">Keystore:CandidateRetentionDays: a candidate nobody imported lapses after this long unseen.</param>
public sealed record CandidateOptions(int PerAddress, TimeSpan Retention)
{
    public static readonly CandidateOptions Default = new(3, TimeSpan.FromDays(30));

    /// <summary>A hostile message may carry any number of keys; this many, at most, are looked at.</summary>
    public const int PerMessage = 4;
}
