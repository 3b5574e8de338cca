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

public static class PrivateKeyEndpoints
{
    [WolverinePost("/api/v1/keystore/smime/private-keys"), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    [EndpointSummary("Import a private key: multipart/form-data with file (PKCS#12, or PEM PKCS#8) and password")]
    [AcceptsUpload("multipart/form-data")]
    [ProducesResponseType<KeystoreChangeResponse>(201), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(409, "application/problem+json"), ProducesResponseType<ProblemDetails>(413, "application/problem+json"), ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static async Task<IResult> Import(HttpContext context, ISmimeKeyMaterialReader reader, KeystoreLimits limits, IMessageBus bus, CancellationToken cancellation)
    {
        var upload = await Upload.ReadAsync(context.Request, limits.MaxUploadBytes, cancellation);
        var key = reader.ReadPrivateKey(upload.Content, upload.Password, cancellation);
        var source = key.Certificates.Count > 0 || !LooksLikePem(upload.Content) ? "pkcs12" : "pkcs8";
        var change = await bus.InvokeAsync<KeystoreChange>(new ImportPrivateKey(key, source, context.ActorName()), cancellation);
        return Replies.Created(change, fingerprint => $"{CertificateEndpoints.Route}/{fingerprint}");
    }

    private static bool LooksLikePem(byte[] content) =>
        content.AsSpan().IndexOf("-----BEGIN "u8) >= 0;
}
