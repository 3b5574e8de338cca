using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureMail.Application.Common;

/// <summary>PostgreSQL's jsonb cannot hold U+0000 ("22P05: unsupported Unicode escape sequence"), and hostile mail
/// carries it in headers, names and bodies: every string the store writes has it replaced by U+FFFD. Found by
/// tests/Reliability's fuzz: a message with a NUL in a MIME header failed its processing and never got a status.</summary>
public sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Contains('\0') ? value.Replace('\0', '\uFFFD') : value);
}
