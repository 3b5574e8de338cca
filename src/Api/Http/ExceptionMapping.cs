using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Application.Common;
using SecureMail.Application.Keystore;

namespace SecureMail.Api.Http;

/// <summary>Uploads and key material are refused by throwing; this turns each refusal into its ProblemDetails,
/// and a database outage (Npgsql's transient errors, whatever wraps them) into 503, so nothing the client did wrong
/// ends as a 500. Any other database error is a 500: retrying would not help.</summary>
public sealed class ExceptionMapping(IProblemDetailsService problems, ILogger<ExceptionMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellation)
    {
        var (status, title, detail) = exception switch
        {
            UploadRejected u => (u.Status, u.Status == StatusCodes.Status413PayloadTooLarge ? "Upload too large" : "Bad upload", u.Message),
            KeyMaterialRejected k => (Problems.Of(k.Problem).Status, Problems.Of(k.Problem).Title, k.Message),
            BadHttpRequestException b => (b.StatusCode, "Bad request", b.Message),
            // The client went away while its key was being opened: the work stopped, and nothing failed on our side.
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status499ClientClosedRequest, "Client closed request", "The request was cancelled before it finished."),
            // Two writers raced on one stream (the same fingerprint imported twice at once): the loser is told, not failed.
            ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException or EventStreamUnexpectedMaxEventIdException =>
                (StatusCodes.Status409Conflict, "Conflict", "Someone else changed this entry at the same moment; reload and try again."),
            _ when DatabaseOutage.IsOutage(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "Database unavailable", "The database cannot be reached; try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "The service failed to handle this request; the error is logged."),
        };
        if (status >= 500)
            logger.LogError(exception, "Request {Method} {Path} failed with {Status}", context.Request.Method, context.Request.Path, status);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
