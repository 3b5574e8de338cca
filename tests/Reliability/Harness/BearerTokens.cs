using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SecureMail.Reliability.Harness;

/// <summary>HS256 tokens as scripts/token makes them (issuer secure-mail-local, audience secure-mail, a role claim).</summary>
public sealed class BearerTokens(string signingKey)
{
    public string For(string role, TimeSpan? lifetime = null, string? key = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var expires = now + (long)(lifetime ?? TimeSpan.FromHours(1)).TotalSeconds;
        var issued = Math.Min(now, expires - 3600);
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "secure-mail-local", ["aud"] = "secure-mail", ["sub"] = $"reliability-{role}", ["role"] = role,
            ["iat"] = issued, ["nbf"] = issued, ["exp"] = expires,
        }));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key ?? signingKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
