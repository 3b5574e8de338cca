using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using SecureMail.Api.Accounts;
using SecureMail.Api.Auth;
using SecureMail.Api.Cluster;
using SecureMail.Api.CodeGeneration;
using SecureMail.Api.Http;
using SecureMail.Api.Keystore;
using SecureMail.Api.OpenApi;
using SecureMail.Api.Telemetry;
using SecureMail.Api.Web;
using SecureMail.Application;
using SecureMail.Application.Inbound;
using SecureMail.Application.Tickets.Compose;
using SecureMail.Application.Tickets.Delivery;
using SecureMail.Infrastructure.Audit;
using SecureMail.Infrastructure.Delivery;
using SecureMail.Infrastructure;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
// With no level configured, ASP.NET Core's per-request lines stay at Warning, as in its template's appsettings.json:
// six Information lines per request cost about a tenth of a compose's CPU (ADR 18). Any Logging:LogLevel setting wins.
builder.Logging.AddOperatorLogs(configuration);

var connectionString = configuration.GetConnectionString("Marten") ?? "Host=127.0.0.1;Port=5433;Database=postgres;Username=postgres;Max Auto Prepare=50";
var schema = configuration["Marten:Schema"] ?? "securemail";
builder.Services.AddMarten(options =>
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.UseStickyConnectionLifetimes = configuration.GetValue("Marten:StickyConnections", false);
        options.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
        options.OpenTelemetry.TrackEventCounters();
        StoreConfiguration.Apply(options);
        InfrastructureSetup.ApplyStore(options);
    })
    .UseLightweightSessions()
    .IntegrateWithWolverine()
    .AddAsyncDaemon(DaemonMode.HotCold)
    .ApplyAllDatabaseChangesOnStartup();

var deliveryPolicy = DeliveryPolicy.Parse(configuration["Delivery:RetryDelaysSeconds"]);
builder.Host.UseWolverine(options =>
{
    options.Discovery.IncludeAssembly(typeof(StoreConfiguration).Assembly);
    options.Policies.AutoApplyTransactions();
    options.Policies.UseDurableLocalQueues();
    // Two writers on one ticket stream (a reply and a delivery outcome): the loser runs again on the new state, with jitter
    // so the losers do not collide again in step. A queued message (an outcome, an inbound article) never gives up on a
    // conflict, which only says someone else wrote first; an HTTP request answers 409 when the inline retries run out.
    options.Policies.OnException<JasperFx.ConcurrencyException>()
        .RetryWithCooldown([.. new[] { 10, 25, 50, 100, 200, 400 }.Select(ms => TimeSpan.FromMilliseconds(ms))]).WithFullJitter()
        .Then.ScheduleRetryIndefinitely(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    options.UseRuntimeCompilation();
    NodeHealth.Apply(options.Durability, configuration);
});
builder.Services.AddWolverineHttp();
builder.Services.AddSingleton<WolverineWarmUp>();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(KeystoreLimits.From(configuration));
builder.Services.AddSingleton(SecureMail.Api.Keystore.Candidates.CandidateSettings.From(configuration));
builder.Services.AddSingleton(new SecureMail.Application.Keystore.Pgp.PgpDomainAliases(configuration.GetValue<bool>("Keystore:PgpDomainAlias")));
builder.Services.AddSingleton(AlertSettings.From(configuration));
builder.Services.AddSingleton(AlertSettings.Digest(configuration));
builder.Services.AddHostedService<ExpiryCheckSchedule>();
builder.Services.AddSingleton<KeystoreAlertCounts>();
builder.Services.AddHostedService(services => services.GetRequiredService<KeystoreAlertCounts>());
builder.Services.AddSingleton(deliveryPolicy);
builder.Services.AddSingleton<AcceptedSends>();
builder.Services.AddSingleton<SecurityProcess>();
builder.Services.AddSingleton<SecurityAttempts>();
var processingSeconds = configuration.GetValue<double?>("Inbound:ProcessingSeconds") ?? 30;
if (!(processingSeconds > 0))
    throw new InvalidOperationException("Inbound:ProcessingSeconds must be a number of seconds above 0.");
var inbound = new InboundOptions(configuration.GetValue<long?>("Inbound:MaxMessageBytes") ?? 25L * 1024 * 1024, configuration["Inbound:DefaultGroup"] ?? "Support",
    TimeSpan.FromSeconds(processingSeconds));
builder.Services.AddSingleton(inbound);
// Kestrel's own cap sits just above ours, so an oversized message is refused by us with a ProblemDetails, not cut off.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = inbound.MaxMessageBytes + 1024 * 1024);
builder.Services.AddMailTransport(configuration, builder.Environment.ContentRootPath);
builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
builder.Services.AddInfrastructure(configuration);
builder.Services.AddAudit(configuration);
builder.Services.AddSecureMailAuthentication(configuration, builder.Environment);
builder.Services.AddAccounts();
builder.Services.AddSecureMailTelemetry(configuration);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ExceptionMapping>();
builder.Services.AddOpenApi(options => options.AddOperationTransformer<RolesInOpenApi>());

var app = builder.Build();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebAppFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAntiforgeryHeader();
app.UseAuthorization();
app.MapOpenApi().AllowAnonymous();
app.MapMetrics();
app.MapWolverineEndpoints(options => options.RequireAuthorizeOnAll());
app.MapWebAppFallback();
app.UseWolverineWarmUp();

// A plain start skips JasperFx's command discovery, which prints a paragraph per assembly it searches.
if (args.Length == 0)
{
    app.LogDatabase(connectionString, schema);
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);

public partial class Program;
