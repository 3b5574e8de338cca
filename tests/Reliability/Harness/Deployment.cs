using Npgsql;
using SecureMail.TestKit.Smtp;

namespace SecureMail.Reliability.Harness;

/// <summary>One test's installation: a schema of its own on a PostgreSQL server, an SMTP server, and one or more
/// service processes sharing the settings. Disposing stops everything, checks that no node logged a secret,
/// and drops the schema.</summary>
public sealed class Deployment : IAsyncDisposable
{
    /// <summary>The cluster scripts/test starts (ConnectionStrings__Marten), as the other test projects use it.</summary>
    public static string SharedConnectionString { get; } =
        Environment.GetEnvironmentVariable("ConnectionStrings__Marten") ?? "Host=127.0.0.1;Port=5434;Database=postgres;Username=postgres";

    private readonly List<string> _secrets = [];
    private readonly string _logDirectory;

    private Deployment(ServiceSettings settings, SmtpTestServer smtp, string logDirectory)
    {
        Settings = settings;
        Smtp = smtp;
        _logDirectory = logDirectory;
        Store = new StoreReader(settings.ConnectionString, settings.Schema);
        _secrets.AddRange(settings.Secrets);
    }

    public ServiceSettings Settings { get; }
    public SmtpTestServer Smtp { get; }
    public StoreReader Store { get; }
    public List<ServiceNode> Nodes { get; } = [];
    public ServiceNode Node => Nodes[0];

    /// <param name="name">Names the schema and the log folder (see <see cref="LogDirectory"/>).</param>
    public static async Task<Deployment> StartAsync(string name, Func<ServiceSettings, ServiceSettings>? adjust = null,
        string? connectionString = null, int nodes = 1)
    {
        var schema = $"rel_{name.ToLowerInvariant()}_{Guid.NewGuid().ToString("N")[..6]}";
        var logs = LogDirectory.For(name);
        var smtp = await SmtpTestServer.StartAsync();
        GuardSmtp(smtp);
        var settings = new ServiceSettings(connectionString ?? SharedConnectionString, schema) { SmtpHost = smtp.Host, SmtpPort = smtp.Port };
        var deployment = new Deployment(adjust?.Invoke(settings) ?? settings, smtp, logs);
        try
        {
            for (var i = 0; i < nodes; i++)
                await deployment.AddNodeAsync();
            return deployment;
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    public async Task<ServiceNode> AddNodeAsync()
    {
        var node = await ServiceNode.StartAsync($"node{Nodes.Count + 1}", Settings, _logDirectory);
        Nodes.Add(node);
        return node;
    }

    /// <summary>Starts the SMTP server again after <see cref="SmtpTestServer.Stop"/> (an outage's end).</summary>
    public async Task RestartSmtpAsync()
    {
        await Smtp.StartAgainAsync();
        GuardSmtp(Smtp);
    }

    private static void GuardSmtp(SmtpTestServer smtp)
    {
        foreach (var pid in ChildProcesses.ChildrenMatching(smtp.Maildir))
            ChildProcesses.Guard(pid);
    }

    /// <summary>A value (password, passphrase, key bytes in some spelling) no node may log.</summary>
    public void MustNeverLog(string secret) => _secrets.Add(secret);

    /// <summary>Each secret found in a node's log, with the node's name: empty when none leaked.</summary>
    public IReadOnlyList<string> LeakedSecrets() =>
        Nodes.SelectMany(node =>
        {
            var log = node.Log();
            return _secrets.Concat(node.Tokens.Signatures).Where(secret => log.Contains(secret, StringComparison.Ordinal))
                .Select(secret => $"{node.Name}: {secret[..Math.Min(12, secret.Length)]}…");
        }).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
            await node.DisposeAsync();
        await Smtp.DisposeAsync();
        var leaked = LeakedSecrets();
        await DropSchema();
        if (leaked.Count > 0)
            throw new InvalidOperationException($"Secrets appeared in the logs under {_logDirectory}: {string.Join(", ", leaked)}");
    }

    private async Task DropSchema()
    {
        try
        {
            await using var connection = new NpgsqlConnection(Settings.ConnectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {Settings.Schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // A throwaway cluster may already be gone; its schema went with it.
        }
    }
}
