using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecureMail.Api.Tests.Support;

/// <summary>Bearer tokens as scripts/token makes them: HS256, issuer secure-mail-local, audience secure-mail.</summary>
public sealed class Tokens(string signingKey)
{
    public string SigningKey { get; } = signingKey;

    public string For(string role, TimeSpan? lifetime = null, string? key = null, string? subject = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "secure-mail-local",
            Audience = "secure-mail",
            Subject = new ClaimsIdentity([new Claim("sub", subject ?? $"test-{role}"), new Claim("role", role)]),
            IssuedAt = expires < now ? expires.AddHours(-1) : now,
            NotBefore = expires < now ? expires.AddHours(-1) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
