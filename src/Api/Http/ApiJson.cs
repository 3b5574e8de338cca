using System.Text.Json;
using System.Text.Json.Serialization;
using SecureMail.Domain.Tickets;

namespace SecureMail.Api.Http;

/// <summary>How the API writes JSON: enums by name, and the compose codes in kebab case (<c>sign-key-expired</c>), the
/// form clients match on and the OpenAPI document lists.</summary>
public static class ApiJson
{
    public static readonly JsonNamingPolicy CodeNaming = JsonNamingPolicy.KebabCaseLower;

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter<ComposeCode>(CodeNaming));
        options.Converters.Add(new JsonStringEnumConverter());
    }

    public static string Code(ComposeCode code) => CodeNaming.ConvertName(code.ToString());
}
