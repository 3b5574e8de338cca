using System.Security.Cryptography;

namespace SecureMail.Reliability.Harness;

/// <summary>What every node of one deployment shares: the database and schema, the keys, the SMTP relay and the
/// delivery policy. A node adds only its own listen address.</summary>
public sealed record ServiceSettings(string ConnectionString, string Schema)
{
    public string SigningKey { get; init; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    public string VaultKey { get; init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public string ChainKey { get; init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; }
    public string? PickupDirectory { get; init; }
    public string RetryDelaysSeconds { get; init; } = "1,1,1";
    /// <summary>A node silent this long is dead and its queued work passes on; short, so a test sees the takeover within its minute.</summary>
    public string NodeDeadAfterSeconds { get; init; } = "6";
    /// <summary>Information unless RELIABILITY_LOG_LEVEL says otherwise (scripts/soak runs everything at Trace); every log is
    /// searched for secrets when its deployment is disposed.</summary>
    public string LogLevel { get; init; } = System.Environment.GetEnvironmentVariable("RELIABILITY_LOG_LEVEL") ?? "Information";
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>The values no log line may ever contain.</summary>
    public IReadOnlyList<string> Secrets => [SigningKey, VaultKey, ChainKey];

    public IEnumerable<KeyValuePair<string, string>> Environment(int port)
    {
        var values = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__Marten"] = ConnectionString,
            ["Marten__Schema"] = Schema,
            ["Auth__SigningKey"] = SigningKey,
            ["Auth__AllowLocalSigningKey"] = "true",
            ["Vault__Key"] = VaultKey,
            ["Audit__ChainKey"] = ChainKey,
            ["Delivery__RetryDelaysSeconds"] = RetryDelaysSeconds,
            ["Cluster__HeartbeatSeconds"] = "1",
            ["Cluster__NodeDeadAfterSeconds"] = NodeDeadAfterSeconds,
            ["Inbound__MaxMessageBytes"] = (2 * 1024 * 1024).ToString(),
            ["Keystore__MaxUploadBytes"] = "65536",
            ["Logging__LogLevel__Default"] = LogLevel,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        if (SmtpHost is not null)
        {
            values["Smtp__Host"] = SmtpHost;
            values["Smtp__Port"] = SmtpPort.ToString();
            values["Smtp__Security"] = "None";
        }
        else
        {
            values["Smtp__PickupDirectory"] = PickupDirectory ?? throw new InvalidOperationException("Name an SMTP relay or a pickup directory.");
        }
        foreach (var (name, value) in Extra)
            values[name] = value;
        return values;
    }
}
