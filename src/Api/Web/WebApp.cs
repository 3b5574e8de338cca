using Microsoft.Extensions.FileProviders;

namespace SecureMail.Api.Web;

/// <summary>Serves the built web app (src/Web/dist) at <c>/</c>: its files, and <c>index.html</c> for every client route
/// outside <c>/api</c>, so a reload of <c>/tickets/…</c> works. Web:Root overrides where the build is.</summary>
public static class WebApp
{
    /// <summary>Every path outside the API, the OpenAPI document and the health check: the app's own routes.</summary>
    public const string FallbackPattern = "{*path:regex(^(?!api/|api$|openapi/|health$).*$)}";

    /// <summary>The build's files, placed before routing: the static file middleware serves nothing to a request that
    /// already matched an endpoint, and the app's fallback route matches every path outside the API.</summary>
    public static WebApplication UseWebAppFiles(this WebApplication app)
    {
        if (Options(app) is { } options)
            app.UseStaticFiles(options);
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        if (Options(app) is { } options)
            app.MapFallbackToFile(FallbackPattern, "index.html", options).AllowAnonymous();
        return app;
    }

    private static StaticFileOptions? Options(WebApplication app)
    {
        var root = app.Configuration["Web:Root"] ?? Path.Combine(app.Environment.ContentRootPath, "..", "Web", "dist");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("The web app is not built ({Root} has no index.html): only the API is served", Path.GetFullPath(root));
            return null;
        }
        return new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.GetFullPath(root)),
            OnPrepareResponse = context =>
            {
                // Vite names every asset by its content hash: cache those for good; index.html must be fetched anew.
                var hashed = context.Context.Request.Path.StartsWithSegments("/assets");
                context.Context.Response.Headers.CacheControl = hashed ? "public, max-age=31536000, immutable" : "no-cache";
            },
        };
    }
}
