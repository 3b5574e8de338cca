using SecureMail.Application.Keystore;
using SecureMail.Domain.Common;

namespace SecureMail.Api.Http;

/// <summary>RFC 9457 answers for every way a request can be refused.</summary>
public static class Problems
{
    public static IResult From(Rejection rejection) => rejection.Kind switch
    {
        RejectionKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", rejection.Message),
        RejectionKind.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", rejection.Message),
        _ => Problem(StatusCodes.Status422UnprocessableEntity, "Refused", rejection.Message),
    };

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
