using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using SecureMail.Api.Accounts;

namespace SecureMail.Api.Auth;

/// <summary>JWT bearer tokens with a <c>role</c> claim. Locally they are signed with Auth:SigningKey (HS256,
/// what <c>scripts/token</c> makes); in production Auth:Authority names an OIDC issuer whose keys are fetched.
/// People signed in with a local account carry a session cookie instead; a request with a bearer token is judged by
/// the token alone.</summary>
public static class AuthenticationSetup
{
    public const string LocalIssuer = "secure-mail-local";
    public const string DefaultAudience = "secure-mail";
    public const string BearerOrCookie = "BearerOrCookie";

    public static IServiceCollection AddSecureMailAuthentication(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var authority = configuration["Auth:Authority"];
        var signingKey = configuration["Auth:SigningKey"];
        var audience = configuration["Auth:Audience"] ?? DefaultAudience;
        if (string.IsNullOrWhiteSpace(authority) && (signingKey is null || Encoding.UTF8.GetByteCount(signingKey) < 32))
            throw new InvalidOperationException(
                "Authentication is not configured: set Auth:Authority (an OIDC issuer) or Auth:SigningKey (at least 32 characters) for local tokens.");
        // Whoever holds a shared HS256 key mints tokens for any role and any name, and the key sits beside the service (in
        // scripts/run's .data/local-secrets.env): a local convenience that must not slip into a deployment unnoticed.
        if (string.IsNullOrWhiteSpace(authority) && !environment.IsDevelopment() && !configuration.GetValue<bool>("Auth:AllowLocalSigningKey"))
            throw new InvalidOperationException(
                $"Auth:SigningKey (local HS256 tokens) is refused in the {environment.EnvironmentName} environment: set Auth:Authority to an OIDC " +
                "issuer, or set Auth:AllowLocalSigningKey=true to accept tokens that anyone holding the key can mint.");

        services.AddAuthentication(BearerOrCookie)
            .AddPolicyScheme(BearerOrCookie, "Bearer token or session cookie", options => options.ForwardDefaultSelector = context =>
                CarriesBearerToken(context.Request) ? JwtBearerDefaults.AuthenticationScheme : SessionCookie.Scheme)
            .AddSessionCookie()
            .AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                RoleClaimType = "role",
                NameClaimType = "sub",
                ValidAudience = audience,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (!string.IsNullOrWhiteSpace(authority))
            {
                options.Authority = authority;
                return;
            }
            options.TokenValidationParameters.ValidIssuer = configuration["Auth:Issuer"] ?? LocalIssuer;
            options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey!));
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        });
        services.AddAuthorization();
        return services;
    }

    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static string ActorName(this HttpContext context) =>
        context.User.FindFirstValue("sub") ?? context.User.Identity?.Name ?? "unknown";
}
