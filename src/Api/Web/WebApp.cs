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
        // Static files are served only where no endpoint matched: the fallback must leave paths of files (nonfile) to them,
        // and "/" (which a regex constraint never matches, having no value to test) is index.html as the default file.
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(options);
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!api/|api$|openapi/|health$).*$)}", "index.html", options).AllowAnonymous();
        return app;
    }
}
