using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Api.OpenApi;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Smime;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Keystore.Smime;

/// <summary>A route of its own, so that trusting a CA as the issuer of other certificates is never a side effect of
/// importing a certificate: the certificates route makes mail identities only, whatever their basic constraints say.</summary>
public static class TrustAnchorEndpoints
{
    public const string Route = "/api/v1/keystore/smime/trust-anchors";

    [WolverinePost(Route), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    [EndpointSummary("Import root CA certificates (DER, PEM or a PEM bundle) as trust anchors: each vouches for the certificates it issues; it must say CA:TRUE, be self-signed and, with key usage, allow keyCertSign")]
    [AcceptsUpload("application/x-pem-file", "text/plain", "application/pkix-cert")]
    [ProducesResponseType<KeystoreChangeResponse>(201), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(409, "application/problem+json"), ProducesResponseType<ProblemDetails>(413, "application/problem+json"), ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static async Task<IResult> Import(HttpContext context, ISmimeKeyMaterialReader reader, KeystoreLimits limits, IMessageBus bus, CancellationToken cancellation)
    {
        var upload = await Upload.ReadAsync(context.Request, limits.MaxUploadBytes, cancellation);
        var certificates = reader.ReadCertificates(upload.Content);
        var change = await bus.InvokeAsync<KeystoreChange>(new ImportCertificates(certificates, context.ActorName(), AsTrustAnchors: true), cancellation);
        return Replies.Created(change, fingerprint => $"{CertificateEndpoints.Route}/{fingerprint}");
    }
}
