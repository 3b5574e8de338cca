using Microsoft.AspNetCore.Authorization;
using SecureMail.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Smime;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Keystore.Smime;

public static class CrlEndpoints
{
    [WolverinePost("/api/v1/keystore/smime/crls"), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    [EndpointSummary("Import a CRL (PEM or DER) signed by a trust anchor; only a newer one replaces the one held")]
    [AcceptsUpload("application/pkix-crl", "application/x-pem-file", "text/plain")]
    [ProducesResponseType<KeystoreChangeResponse>(201), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(409, "application/problem+json"), ProducesResponseType<ProblemDetails>(413, "application/problem+json"), ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static async Task<IResult> Import(HttpContext context, ISmimeKeyMaterialReader reader, KeystoreLimits limits, IMessageBus bus, CancellationToken cancellation)
    {
        var upload = await Upload.ReadAsync(context.Request, limits.MaxUploadBytes, cancellation);
        var crl = reader.ReadCrl(upload.Content);
        var change = await bus.InvokeAsync<KeystoreChange>(new ImportCrl(crl, context.ActorName()), cancellation);
        return Replies.Created(change, _ => CertificateEndpoints.Route);
    }
}
