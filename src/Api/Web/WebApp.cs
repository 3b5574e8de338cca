using Microsoft.Extensions.FileProviders;

namespace SecureMail.Api.Web;

/// <summary>Serves the built web app (src/Web/dist) at <c>/</c>: its files, and <c>index.html</c> for every client route,
/// so a reload of <c>/tickets/…</c> works, while an unknown <c>/api</c> path stays a 404 problem. Web:Root overrides where
/// the build is.</summary>
public static class WebApp
{
    /// <summary>The display name of the endpoint that answers client routes with index.html: not part of the API.</summary>
    public const string FallbackName = "web app";

    /// <summary>Before routing, so that a file is served as itself and no endpoint (nor the fallback) claims it.</summary>
    public static WebApplication UseWebAppFiles(this WebApplication app)
    {
        if (Root(app) is not { } files)
        {
            app.Logger.LogWarning("The web app is not built ({Root} has no index.html): only the API is served", RootPath(app));
            return app;
        }
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Vite names every asset by its content hash: cache those for good; index.html must be fetched anew.
                var hashed = context.Context.Request.Path.StartsWithSegments("/assets");
                context.Context.Response.Headers.CacheControl = hashed ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        return app;
    }

    public static WebApplication MapWebAppFallback(this WebApplication app)
    {
        if (Root(app) is not { } files)
            return app;
        var index = files.GetFileInfo("index.html");
        app.MapFallback((HttpContext context) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No endpoint answers {context.Request.Method} {path}.");
            context.Response.Headers.CacheControl = "no-cache";
            return Results.File(index.PhysicalPath!, "text/html");
        }).AllowAnonymous().ExcludeFromDescription().WithDisplayName(FallbackName);
        return app;
    }

    private static string RootPath(WebApplication app) =>
        Path.GetFullPath(app.Configuration["Web:Root"] ?? Path.Combine(app.Environment.ContentRootPath, "..", "Web", "dist"));

    private static PhysicalFileProvider? Root(WebApplication app) =>
        File.Exists(Path.Combine(RootPath(app), "index.html")) ? new PhysicalFileProvider(RootPath(app)) : null;
}
