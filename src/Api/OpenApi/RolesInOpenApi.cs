using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SecureMail.Api.Accounts;

namespace SecureMail.Api.OpenApi;

/// <summary>Completes each operation: who may call it, the upload it reads, and none of the placeholder
/// responses (200 IResult, 404) that Wolverine adds where the endpoint declares its own.</summary>
public sealed class RolesInOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<EndpointSummaryAttribute>().FirstOrDefault() is { } summary)
            operation.Summary = summary.Summary;
        operation.Responses ??= new OpenApiResponses();
        DropPlaceholderResponses(operation.Responses, context.Description.RelativePath ?? "", declared: metadata.OfType<Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute>().Select(r => r.StatusCode));
        if (metadata.OfType<AcceptsUploadAttribute>().FirstOrDefault() is { } upload)
            operation.RequestBody = UploadBody(upload);
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Description = "Anonymous.";
            return Task.CompletedTask;
        }
        var roles = metadata.OfType<IAuthorizeData>().SelectMany(a => a.Roles?.Split(',') ?? []).Distinct().ToList();
        operation.Description = $"Requires a signed-in user or bearer token with role: {string.Join(" or ", roles)}.";
        if (!HttpMethods.IsGet(context.Description.HttpMethod ?? "GET"))
            operation.Description += $" Signed in by the session cookie, send the anti-forgery token in the {AntiforgeryHeader.Name} header.";
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in: no valid session cookie or bearer token." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The role may not call this, or (signed in by cookie) the {AntiforgeryHeader.Name} header is missing or invalid." });
        return Task.CompletedTask;
    }

    private static void DropPlaceholderResponses(OpenApiResponses responses, string route, IEnumerable<int> declared)
    {
        var codes = declared.ToHashSet();
        if (codes.Any(c => c is >= 200 and < 300 and not 200))
            responses.Remove("200");
        if (!codes.Contains(404) && !route.Contains('{'))
            responses.Remove("404");
    }

    private static OpenApiRequestBody UploadBody(AcceptsUploadAttribute upload) => new()
    {
        Required = true,
        Content = upload.ContentTypes.ToDictionary(
            type => type,
            type => new OpenApiMediaType { Schema = new OpenApiSchema { Type = type.StartsWith("multipart/") ? JsonSchemaType.Object : JsonSchemaType.String, Format = type.StartsWith("multipart/") ? null : "binary" } }),
    };
}
