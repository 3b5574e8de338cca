namespace SecureMail.Reliability.Harness;

/// <summary>Fast figures for scripts/test (each test under a minute), long ones for scripts/soak (RELIABILITY_SOAK=1).</summary>
public static class Scale
{
    public static bool Soak { get; } = Environment.GetEnvironmentVariable("RELIABILITY_SOAK") == "1";

    public static T Pick<T>(T fast, T soak) => Soak ? soak : fast;

    /// <summary>How long to wait for background work: the soak queues far more work, so there every wait is six times as long.</summary>
    public static TimeSpan Wait(TimeSpan fast) => Pick(fast, fast * 6);
}

/// <summary>A reliability test: bounded in time (a minute in the fast run), so a hang fails instead of stalling the suite.</summary>
public sealed class ReliabilityFactAttribute : FactAttribute
{
    public ReliabilityFactAttribute() => Timeout = Scale.Soak ? 30 * 60_000 : 60_000;
}
