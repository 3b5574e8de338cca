using Microsoft.Extensions.Logging.Console;
using Npgsql;

namespace SecureMail.Api.Telemetry;

/// <summary>What an operator reads on the console: a start in a handful of lines, then one line per request or background
/// failure, carrying its trace id so that it can be found among the traces (ADR 39).</summary>
public static class OperatorLogs
{
    // Their Information lines describe the frameworks' own start-up (handler discovery, agents, listeners) and each
    // request; their warnings and errors stay. Any configured level turns these defaults off, as ADR 18 promises.
    private static readonly string[] FrameworkChatter = ["Microsoft.AspNetCore", "Wolverine", "Marten", "JasperFx", "Weasel"];

    public static ILoggingBuilder AddOperatorLogs(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (!configuration.GetSection("Logging:LogLevel").Exists())
            foreach (var category in FrameworkChatter)
                logging.AddFilter(category, LogLevel.Warning);
        logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId);
        logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = true;
        });
        // Settings under Logging:Console:FormatterOptions still win over these defaults.
        logging.Services.Configure<SimpleConsoleFormatterOptions>(configuration.GetSection("Logging:Console:FormatterOptions"));
        return logging;
    }

    /// <summary>Which database and schema the service works on; never the user name or password.</summary>
    public static void LogDatabase(this WebApplication app, string connectionString, string schema)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        app.Logger.LogInformation("Database {Host}:{Port}/{Database}, schema {Schema}", database.Host, database.Port, database.Database, schema);
    }
}
