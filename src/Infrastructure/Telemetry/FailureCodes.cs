using SecureMail.Domain.Inbound;

namespace SecureMail.Infrastructure.Telemetry;

/// <summary>The one place that reads a failure event's reason code for a metric tag. A value that does not look like a
/// code (a few lower-case words joined by hyphens) is tagged "other": a tag must never carry free text, which could
/// hold an address or a certificate subject.</summary>
internal static class FailureCodes
{
    public const string Other = "other";

    public static string Of(DecryptionFailed failure) => Code(failure.Reason);

    public static string Of(SignatureVerificationFailed failure) => Code(failure.Reason);

    public static string Of(SecurityProcessAbandoned abandoned) => Code(abandoned.Reason);

    public static string Code(string? value) =>
        value is { Length: > 0 and <= 40 } && value.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') ? value : Other;
}
