using Microsoft.AspNetCore.Authorization;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SecureMail.Api.Auth;
using SecureMail.Infrastructure.Telemetry;

namespace SecureMail.Api.Telemetry;

/// <summary>Traces and metrics with the instrumentation the stack ships, plus the SecureMail meter (ADR 39). Metrics are
/// always collected for <c>/metrics</c>; spans are recorded only when an OTLP endpoint is set, as nothing else would read them.</summary>
public static class TelemetrySetup
{
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsPath = "/metrics";
    public const string MetricsReaders = Roles.Metrics + "," + Roles.Admin;

    private static readonly string[] Sources = ["Marten", "Wolverine"];
    private static readonly string[] NpgsqlTags = ["db.system.name", "db.client.connection.state", "server.address", "server.port", "error.type"];
    private static readonly string[] Meters = [SecureMailMetrics.MeterName, "Marten", "Wolverine*"];

    public static IServiceCollection AddSecureMailTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEventMetrics();
        var exportOtlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "securemail"))
            .WithMetrics(metrics => Metrics(metrics, exportOtlp))
            .WithTracing(tracing => Traces(tracing, exportOtlp));
        return services;
    }

    private static void Metrics(MeterProviderBuilder metrics, bool exportOtlp)
    {
        metrics.AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation().AddMeter(Meters).AddPrometheusExporter();
        // Npgsql names its pool by its connection string (the password left out): the user name and every other
        // setting in it would label each of its series.
        metrics.AddView(instrument => instrument.Meter.Name == "Npgsql" ? new MetricStreamConfiguration { TagKeys = NpgsqlTags } : null);
        if (exportOtlp)
            metrics.AddOtlpExporter();
    }

    private static void Traces(TracerProviderBuilder tracing, bool exportOtlp)
    {
        if (!exportOtlp)
        {
            // Nothing would read the spans, but a queued message's log lines still get a trace id (Wolverine carries
            // the request's into what it queues): its activities are made, and nothing is recorded.
            tracing.AddSource("Wolverine").SetSampler(new ParentBasedSampler(new AlwaysOffSampler()));
            return;
        }
        tracing
            .AddAspNetCoreInstrumentation(options =>
            {
                options.Filter = context => context.Request.Path != MetricsPath;
                // A query string can name an address (the keystore's ?email=); the path and route are enough.
                options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
            })
            .AddNpgsql()
            .AddSource(Sources)
            .AddOtlpExporter();
    }

    /// <summary>Prometheus' text format, for a scraper holding a bearer token with the metrics role (or an admin).</summary>
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        var scrape = endpoints.CreateApplicationBuilder().UseOpenTelemetryPrometheusScrapingEndpoint(_ => true).Build();
        // A handler with more than the HttpContext is a route handler, which the OpenAPI document describes with its
        // roles; the exporter's own mapping is a bare RequestDelegate, which it leaves out.
        return endpoints.MapGet(MetricsPath, (HttpContext context, CancellationToken _) => scrape(context))
            .RequireAuthorization(new AuthorizeAttribute { Roles = MetricsReaders })
            .WithSummary("The metrics in Prometheus' text format")
            .WithTags("Telemetry")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain");
    }
}
