using Microsoft.AspNetCore.Authorization;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Smime;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Keystore.Smime;

public static class CrlEndpoints
{
    /// <summary>A CRL (PEM or DER) signed by an imported CA certificate; only a newer one replaces the one held.</summary>
    [WolverinePost("/api/v1/keystore/smime/crls"), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    public static async Task<IResult> Import(HttpContext context, ISmimeKeyMaterialReader reader, KeystoreLimits limits, IMessageBus bus, CancellationToken cancellation)
    {
        var upload = await Upload.ReadAsync(context.Request, limits.MaxUploadBytes, cancellation);
        var crl = reader.ReadCrl(upload.Content);
        var change = await bus.InvokeAsync<KeystoreChange>(new ImportCrl(crl, context.ActorName()), cancellation);
        return Replies.Created(change, _ => CertificateEndpoints.Route);
    }
}
