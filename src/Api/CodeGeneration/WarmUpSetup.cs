using Wolverine.Http;

namespace SecureMail.Api.CodeGeneration;

public static class WarmUpSetup
{
    /// <summary>After <c>MapWolverineEndpoints</c>. <c>Wolverine:WarmUp</c> (default true) turns the warm-up on; off,
    /// each chain is compiled on its first use, as Wolverine does by itself.</summary>
    public static void UseWolverineWarmUp(this WebApplication app)
    {
        if (!(app.Configuration.GetValue<bool?>("Wolverine:WarmUp") ?? true))
            return;
        var warmUp = app.Services.GetRequiredService<WolverineWarmUp>();
        warmUp.Prepare(((IEndpointRouteBuilder)app).DataSources.OfType<HttpGraph>().Single(), app.Services);
        app.Use((context, next) =>
        {
            if (warmUp.State == WarmUpState.Running && context.GetEndpoint()?.Metadata.GetMetadata<HttpChain>() is { } chain)
                warmUp.EnsureCompiled(chain);
            return next(context);
        });
        app.Lifetime.ApplicationStarted.Register(() => warmUp.Start(app.Lifetime.ApplicationStopping));
    }
}
