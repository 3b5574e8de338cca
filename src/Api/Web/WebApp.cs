using Microsoft.Extensions.FileProviders;

namespace SecureMail.Api.Web;

/// <summary>Serves the built web app (src/Web/dist) at <c>/</c>: its files, and <c>index.html</c> for every client route
/// outside <c>/api</c>, so a reload of <c>/tickets/…</c> works. Web:Root overrides where the build is.</summary>
public static class WebApp
{
    public static WebApplication MapWebApp(this WebApplication app)
    {
        var root = app.Configuration["Web:Root"] ?? Path.Combine(app.Environment.ContentRootPath, "..", "Web", "dist");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("The web app is not built ({Root} has no index.html): only the API is served", Path.GetFullPath(root));
            return app;
        }
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        var options = new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Vite names every asset by its content hash: cache those for good; index.html must be fetched anew.
                var hashed = context.Context.Request.Path.StartsWithSegments("/assets");
                context.Context.Response.Headers.CacheControl = hashed ? "public, max-age=31536000, immutable" : "no-cache";
            },
        };
        app.UseStaticFiles(options);
        app.MapFallbackToFile("{*path:regex(^(?!api/|api$|openapi/|health$).*$)}", "index.html", options).AllowAnonymous();
        return app;
    }
}
