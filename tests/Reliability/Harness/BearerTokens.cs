using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SecureMail.Reliability.Harness;

/// <summary>HS256 tokens as scripts/token makes them (issuer secure-mail-local, audience secure-mail, a role claim).</summary>
public sealed class BearerTokens(string signingKey)
{
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _signatures = [];

    /// <summary>The signatures of the valid tokens handed out: credentials, which no log may contain.</summary>
    public IEnumerable<string> Signatures => _signatures;

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
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key ?? signingKey), Encoding.ASCII.GetBytes($"{header}.{payload}")));
        if (key is null)
            _signatures.Add(signature);
        return $"{header}.{payload}.{signature}";
    }

    /// <summary>A token that names no algorithm ("alg": "none") and carries no signature.</summary>
    public string Unsigned(string role)
    {
        var signed = For(role).Split('.');
        return $"{Base64Url("""{"alg":"none","typ":"JWT"}"""u8.ToArray())}.{signed[1]}.";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
