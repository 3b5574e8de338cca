using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureMail.Application.Common;

/// <summary>Stable codes as the API and the read models spell them: no-private-key, unknown-signer.</summary>
public sealed class KebabCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower) where T : struct, Enum;

/// <summary>Statuses and directions as the API has always spelled them: incoming, notSent.</summary>
public sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase) where T : struct, Enum;
