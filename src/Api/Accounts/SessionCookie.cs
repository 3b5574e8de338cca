using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SecureMail.Domain.Accounts;

namespace SecureMail.Api.Accounts;

/// <summary>The session of a person signed in with a local account: an encrypted cookie carrying the name (<c>sub</c>,
/// the actor in events) and the account's roles, checked against the account on every request.</summary>
public static class SessionCookie
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "securemail-session";
    private const string PasswordVersionClaim = "password_version";

    public static AuthenticationBuilder AddSessionCookie(this AuthenticationBuilder builder) => builder.AddCookie(Scheme, options =>
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        // Strict: a page on another site cannot make the browser send it, the first line against cross-site requests;
        // the anti-forgery header is the second.
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events = new CookieAuthenticationEvents
        {
            // An API answers with a status, never with a redirect to a login page it does not have.
            OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden),
            OnValidatePrincipal = ValidateAsync,
        };
    });

    public static ClaimsPrincipal PrincipalFor(UserAccount account) => new(new ClaimsIdentity(
        [
            new Claim("sub", account.Name),
            new Claim(PasswordVersionClaim, account.PasswordVersion.ToString()),
            .. account.Roles.Select(role => new Claim("role", role)),
        ],
        Scheme, "sub", "role"));

    /// <summary>A cookie says what the account was when it was made. The account now decides: disabled, gone or its
    /// password changed since, the session ends; a role granted or revoked since, the cookie is made anew.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.FindFirstValue("sub");
        var account = name is null || AccountRules.CheckName(name) is not null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<IQuerySession>()
                .LoadAsync<UserAccount>(UserAccount.IdFor(name), context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || context.Principal!.FindFirstValue(PasswordVersionClaim) != account.PasswordVersion.ToString())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }
        var roles = context.Principal!.FindAll("role").Select(c => c.Value).ToHashSet();
        if (!roles.SetEquals(account.Roles) || name != account.Name)
        {
            context.ReplacePrincipal(PrincipalFor(account));
            context.ShouldRenew = true;
        }
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
            context.Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
