using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SecureMail.Application.Audit;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SecureMail.Api.Audit;

/// <summary>Writes each event as it is read from the database, one JSON object a line: an export of the whole
/// log never sits in memory.</summary>
public sealed class NdjsonResult(IAsyncEnumerable<LoggedEvent> events) : IResult
{
    public const string ContentType = "application/x-ndjson";

    private const int FlushEvery = 64;

    public static bool IsAccepted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase));

    public async Task ExecuteAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.ContentType = ContentType;
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        var body = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body);
        var written = 0;
        await foreach (var logged in events.WithCancellation(context.RequestAborted))
        {
            JsonSerializer.Serialize(writer, logged, options);
            writer.Flush();
            writer.Reset();
            body.Write("\n"u8);
            if (++written % FlushEvery == 0)
                await body.FlushAsync(context.RequestAborted);
        }
        await body.FlushAsync(context.RequestAborted);
    }
}
