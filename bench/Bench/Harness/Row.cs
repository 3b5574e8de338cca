namespace SecureMail.Bench.Harness;

public enum Better { Higher, Lower }

/// <summary>A target on the ratio figure/reference (or reference/figure, as the row says).</summary>
public sealed record Target(string Text, Better Direction, double Threshold)
{
    public bool IsMet(double ratio) => Direction == Better.Higher ? ratio >= Threshold : ratio <= Threshold;

    public static Target AtLeast(double threshold, string? text = null) => new(text ?? $"ratio >= {threshold}", Better.Higher, threshold);

    public static Target AtMost(double threshold, string? text = null) => new(text ?? $"ratio <= {threshold}", Better.Lower, threshold);
}

/// <summary>One line of docs/benchmarks.md: a figure, its reference from the same run, and how they compare.</summary>
public sealed record Row(int Number, string Figure, Measured Value, string Reference, Measured ReferenceValue, double Ratio, string RatioMeaning,
    Target Target, string? Note = null)
{
    public bool Met => Target.IsMet(Ratio);
}

public sealed record Measured(double Value, string Unit)
{
    public override string ToString() => Value switch
    {
        >= 1000 => $"{Value:N0} {Unit}",
        >= 100 => $"{Value:F0} {Unit}",
        >= 10 => $"{Value:F1} {Unit}",
        _ => $"{Value:F2} {Unit}",
    };
}
