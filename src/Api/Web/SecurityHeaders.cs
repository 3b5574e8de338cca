namespace SecureMail.Api.Web;

/// <summary>Headers every response carries unless the endpoint set its own (an attachment download keeps its
/// <c>sandbox</c> policy).</summary>
public static class SecurityHeaders
{
    /// <summary>No inline or foreign script, so an injected tag cannot run (XSS); styles may be inline because a sanitized
    /// mail's HTML keeps its own. Images may come from https only because an agent can choose to load a mail's remote
    /// content; until then the mail's frame forbids them itself. Nobody may frame us (clickjacking).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (!headers.ContainsKey("X-Content-Type-Options")) headers.XContentTypeOptions = "nosniff";
            // The URL of a ticket names the ticket: no other site learns it from a link an agent follows.
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
