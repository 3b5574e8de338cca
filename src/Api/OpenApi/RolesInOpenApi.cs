using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SecureMail.Api.OpenApi;

/// <summary>Writes each operation's roles into the document, so a reader of the OpenAPI file knows who may call what.</summary>
public sealed class RolesInOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Description = Append(operation.Description, "Anonymous.");
            return Task.CompletedTask;
        }
        var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Roles).Where(r => !string.IsNullOrEmpty(r)).ToList();
        operation.Description = Append(operation.Description, roles.Count == 0
            ? "Requires a bearer token."
            : $"Requires a bearer token with role: {string.Join(" or ", roles.SelectMany(r => r!.Split(',')).Distinct())}.");
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's role may not call this." });
        return Task.CompletedTask;
    }

    private static string Append(string? description, string text) =>
        string.IsNullOrEmpty(description) ? text : $"{description}\n\n{text}";
}
