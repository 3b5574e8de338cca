using Marten;
using Microsoft.AspNetCore.Authorization;
using SecureMail.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Listing;
using SecureMail.Application.Keystore.Smime;
using SecureMail.Domain.Keystore.Smime;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Keystore.Smime;

public static class CrlEndpoints
{
    private const string Route = "/api/v1/keystore/smime/crls";

    [WolverineGet(Route), Authorize(Roles = Roles.Readers), Tags("Keystore: S/MIME")]
    [EndpointSummary("The CRL held for each trust anchor, by issuer, a page at a time (page, limit), with the total; stale: past its nextUpdate (still used)")]
    [ProducesResponseType<ListPage<CrlView>>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static Task<IResult> List(string? page, string? limit, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        ListParameters.Answer(page, limit, async request =>
        {
            var lists = await session.Query<RevocationList>().ToListAsync(cancellation);
            var now = clock.GetUtcNow();
            return ListPage<CrlView>.Of(lists.Select(l => CrlView.From(l, now)).OrderBy(v => v.Issuer, StringComparer.Ordinal).ThenBy(v => v.Id).ToList(), request);
        });

    [WolverineDelete(Route + "/{id}"), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    [EndpointSummary("Remove a CRL: the certificates it revoked count as not revoked until a CRL of their CA is imported again; the history stays")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Remove(string id, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Guid.TryParse(id, out var guid)
            ? Replies.Removed(await bus.InvokeAsync<KeystoreChange>(new RemoveCrl(guid, context.ActorName()), cancellation))
            : Problems.NotFound($"There is no CRL {id} in the keystore.");

    [WolverinePost(Route), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
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
