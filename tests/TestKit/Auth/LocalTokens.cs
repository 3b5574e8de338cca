using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SecureMail.TestKit.Auth;

/// <summary>Bearer tokens as scripts/token makes them: HS256 with the service's local signing key, issuer
/// secure-mail-local, audience secure-mail, the subject and one role claim.</summary>
/// <param name="subjectPrefix">A token for role R names the subject "prefix-R": the actor the service records.</param>
public sealed class LocalTokens(string signingKey, string subjectPrefix)
{
    private readonly ConcurrentBag<string> _signatures = [];

    public string SigningKey { get; } = signingKey;

    /// <summary>The signatures of the valid tokens handed out: credentials, which no log may contain.</summary>
    public IEnumerable<string> Signatures => _signatures;

    /// <param name="lifetime">Negative for a token that has expired (issued an hour before it expired).</param>
    /// <param name="key">Another signing key: a forged token.</param>
    public string For(string role, TimeSpan? lifetime = null, string? key = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var expires = now + (long)(lifetime ?? TimeSpan.FromHours(1)).TotalSeconds;
        var issued = Math.Min(now, expires - 3600);
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "secure-mail-local", ["aud"] = "secure-mail", ["sub"] = $"{subjectPrefix}-{role}", ["role"] = role,
            ["iat"] = issued, ["nbf"] = issued, ["exp"] = expires,
        }));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key ?? SigningKey), Encoding.ASCII.GetBytes($"{header}.{payload}")));
        if (key is null)
            _signatures.Add(signature);
        return $"{header}.{payload}.{signature}";
    }

    /// <summary>A token that names no algorithm ("alg": "none") and carries no signature.</summary>
    public string Unsigned(string role) =>
        $"{Base64Url("""{"alg":"none","typ":"JWT"}"""u8.ToArray())}.{For(role).Split('.')[1]}.";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
