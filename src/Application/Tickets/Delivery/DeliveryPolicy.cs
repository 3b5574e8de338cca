using System.Globalization;

namespace SecureMail.Application.Tickets.Delivery;

/// <summary>How often a delivery is retried after a transient failure (Delivery:RetryDelaysSeconds, e.g. "5,30,120,600,1800").
/// After the last retry the article is recorded as not delivered.</summary>
public sealed record DeliveryPolicy(IReadOnlyList<TimeSpan> RetryDelays)
{
    private const string DefaultDelays = "5,30,120,600,1800";

    public int MaxAttempts => RetryDelays.Count + 1;

    public static DeliveryPolicy Parse(string? seconds) =>
        new((string.IsNullOrWhiteSpace(seconds) ? DefaultDelays : seconds)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture)))
            .ToList());
}
