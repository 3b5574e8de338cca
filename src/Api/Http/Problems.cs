using Microsoft.AspNetCore.Mvc;
using SecureMail.Application.Keystore;
using SecureMail.Domain.Common;
using SecureMail.Domain.Tickets;

namespace SecureMail.Api.Http;

/// <summary>RFC 9457 answers for every way a request can be refused.</summary>
public static class Problems
{
    public static IResult From(Rejection rejection)
    {
        var (status, title) = rejection.Kind switch
        {
            RejectionKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            RejectionKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            _ => (StatusCodes.Status422UnprocessableEntity, "Refused"),
        };
        // RFC 9457 §3.2: extension members beside the standard ones, for clients that act on the rule, not its sentence.
        var extensions = rejection.Code is { } code
            ? new Dictionary<string, object?> { ["code"] = ApiJson.Code(code), ["addresses"] = rejection.Addresses }
            : null;
        return Results.Problem(statusCode: status, title: title, detail: rejection.Message, extensions: extensions);
    }

    public static (int Status, string Title) Of(KeyMaterialProblem problem) => problem switch
    {
        KeyMaterialProblem.Unreadable => (StatusCodes.Status400BadRequest, "Unreadable key material"),
        KeyMaterialProblem.WrongPassword => (StatusCodes.Status422UnprocessableEntity, "Wrong password"),
        KeyMaterialProblem.PasswordRequired => (StatusCodes.Status422UnprocessableEntity, "Password required"),
        KeyMaterialProblem.Unsupported => (StatusCodes.Status422UnprocessableEntity, "Unsupported key material"),
        KeyMaterialProblem.TooCostly => (StatusCodes.Status422UnprocessableEntity, "Key protection too costly to open"),
        _ => (StatusCodes.Status422UnprocessableEntity, "Not acceptable for the keystore"),
    };

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}

/// <summary>The shape of a refused compose or security-options request, for the OpenAPI document: a problem with the
/// rule's <see cref="Code"/> and the <see cref="Addresses"/> it concerns as extension members.</summary>
public sealed class ComposeProblem : ProblemDetails
{
    public ComposeCode Code { get; init; }

    public IReadOnlyList<string> Addresses { get; init; } = [];
}
