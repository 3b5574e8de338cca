using System.Net.Http.Headers;
using System.Security.Cryptography;
using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using SecureMail.TestKit.Auth;
using SecureMail.TestKit.Smtp;

namespace SecureMail.Api.Tests.Support;

/// <summary>One running service for the whole test assembly, on the real PostgreSQL that scripts/test starts,
/// in a schema of its own that is dropped and made anew at each run.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public const string Schema = "api_tests";

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("ConnectionStrings__Marten") ?? "Host=127.0.0.1;Port=5434;Database=postgres;Username=postgres";

    private readonly string schema;
    private readonly Action<IWebHostBuilder>? configure;
    private readonly Func<Task>? prepareDatabase;

    public ServiceFixture() : this(Schema, null)
    {
    }

    /// <summary>A service of its own for a test that needs a fresh start: its own schema, and more settings or services.</summary>
    /// <param name="prepareDatabase">Runs after the old schema is dropped and before the service starts.</param>
    internal ServiceFixture(string schema, Action<IWebHostBuilder>? configure, Func<Task>? prepareDatabase = null)
    {
        this.schema = schema;
        this.configure = configure;
        this.prepareDatabase = prepareDatabase;
    }

    public IAlbaHost Host { get; private set; } = null!;

    public SmtpTestServer Smtp { get; private set; } = null!;

    public LocalTokens Tokens { get; } = new(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), "test");

    public string VaultKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string ChainKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public async Task InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (prepareDatabase is not null)
            await prepareDatabase();
        Smtp = await SmtpTestServer.StartAsync();
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseSetting("ConnectionStrings:Marten", ConnectionString);
            web.UseSetting("Marten:Schema", schema);
            web.UseSetting("Auth:SigningKey", Tokens.SigningKey);
            web.UseSetting("Vault:Key", VaultKey);
            web.UseSetting("Audit:ChainKey", ChainKey);
            web.UseSetting("Audit:CheckpointEvery", "5");
            web.UseSetting("Keystore:MaxUploadBytes", "65536");
            web.UseSetting("Smtp:Host", Smtp.Host);
            web.UseSetting("Smtp:Port", Smtp.Port.ToString());
            web.UseSetting("Smtp:Security", "None");
            web.UseSetting("Delivery:RetryDelaysSeconds", "1,1");
            web.UseSetting("Inbound:MaxMessageBytes", (2 * 1024 * 1024).ToString());
            configure?.Invoke(web);
        });
    }

    public async Task DisposeAsync()
    {
        // A host that failed to start (a start-up refusal under test) is null here.
        if (Host is not null)
            await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>The message the test SMTP server received with this Message-ID.</summary>
    public Task<ReceivedMail> Delivered(string messageId, TimeSpan? timeout = null) =>
        Smtp.WaitForMessageIdAsync(messageId, timeout ?? TimeSpan.FromSeconds(30));

    public HttpClient Client(string? role)
    {
        var client = Host.Server.CreateClient();
        if (role is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(role));
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class RunningService : ICollectionFixture<ServiceFixture>
{
    public const string Name = "service";
}
