using Microsoft.AspNetCore.Antiforgery;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;

namespace SecureMail.Api.Accounts;

/// <summary>A browser sends the session cookie with any request to us, including one a hostile page makes it send
/// (cross-site request forgery). A changing request signed in by cookie must therefore also carry, in X-CSRF-Token, the
/// anti-forgery token the session endpoints return, which another site cannot read. Bearer tokens are never sent by a
/// browser on its own, so their requests need none; nor does signing in, which has no session yet.</summary>
public static class AntiforgeryHeader
{
    public const string Name = "X-CSRF-Token";
    public const string Refusal = "The anti-forgery header X-CSRF-Token is missing or invalid.";

    public static IServiceCollection AddAntiforgeryHeader(this IServiceCollection services) => services.AddAntiforgery(options =>
    {
        options.HeaderName = Name;
        options.Cookie.Name = "securemail-antiforgery";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
    });

    /// <summary>After authentication (it needs to know how the request was signed in), before authorization.</summary>
    public static IApplicationBuilder UseAntiforgeryHeader(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (NeedsToken(context) && !await HasValidToken(context))
        {
            await Problems.Problem(StatusCodes.Status403Forbidden, "Forbidden", Refusal).ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool NeedsToken(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            return false;
        if (context.User.Identity?.IsAuthenticated != true || AuthenticationSetup.CarriesBearerToken(context.Request))
            return false;
        return !(HttpMethods.IsPost(method) && context.Request.Path.Equals(SessionEndpoints.Route, StringComparison.OrdinalIgnoreCase));
    }

    // Without the header, the antiforgery service would look for the token in a form body and read a whole upload to
    // find none.
    private static async Task<bool> HasValidToken(HttpContext context) =>
        !string.IsNullOrEmpty(context.Request.Headers[Name]) &&
        await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
}
