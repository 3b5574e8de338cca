using SecureMail.Application.Keystore.Alerts;
using SecureMail.Domain.Common;

namespace SecureMail.Api.Keystore;

/// <summary>Keystore:ExpiryWarningDays (default 30); the digest's Keystore:ExpiryDigestRecipients, Keystore:ExpiryDigestFrom
/// and Keystore:ExpiryCheckMinutes (ADR 40). Refused at start when they make no sense, not at the first check an hour later.</summary>
public static class AlertSettings
{
    public static AlertOptions From(IConfiguration configuration)
    {
        var days = configuration.GetValue<int?>("Keystore:ExpiryWarningDays") ?? AlertOptions.Default.WarningDays;
        if (days < 1)
            throw new InvalidOperationException("Keystore:ExpiryWarningDays must be a number of days above 0.");
        return new AlertOptions(days);
    }

    public static DigestOptions Digest(IConfiguration configuration)
    {
        var recipients = (configuration["Keystore:ExpiryDigestRecipients"] ?? "")
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => EmailAddress.Parse(text)?.Value
                ?? throw new InvalidOperationException($"Keystore:ExpiryDigestRecipients holds \"{text}\", which is not an e-mail address."))
            .Distinct().ToList();
        var fromText = configuration["Keystore:ExpiryDigestFrom"];
        var from = string.IsNullOrWhiteSpace(fromText) ? recipients.FirstOrDefault() ?? ""
            : EmailAddress.Parse(fromText)?.Value ?? throw new InvalidOperationException($"Keystore:ExpiryDigestFrom \"{fromText}\" is not an e-mail address.");
        var minutes = configuration.GetValue<double?>("Keystore:ExpiryCheckMinutes") ?? DigestOptions.DefaultCheckEvery.TotalMinutes;
        if (!(minutes >= 1))
            throw new InvalidOperationException("Keystore:ExpiryCheckMinutes must be a number of minutes, at least 1.");
        return new DigestOptions(recipients, from, TimeSpan.FromMinutes(minutes));
    }
}
