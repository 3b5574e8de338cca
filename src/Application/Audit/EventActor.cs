using System.Text.Json;

namespace SecureMail.Application.Audit;

/// <summary>Every event names who caused it in a property ending in "By" (ImportedBy, ComposedBy, ReceivedBy...).</summary>
public static class EventActor
{
    public static string? From(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in data.EnumerateObject())
            if (property.Name.EndsWith("By", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                return property.Value.GetString();
        return null;
    }
}
