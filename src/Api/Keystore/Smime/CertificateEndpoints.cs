using Marten;
using Microsoft.AspNetCore.Authorization;
using SecureMail.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Listing;
using SecureMail.Application.Keystore.Smime;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Keystore.Smime;

public static class CertificateEndpoints
{
    public const string Route = "/api/v1/keystore/smime/certificates";

    [WolverinePost(Route), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    [EndpointSummary("Import one certificate (DER or PEM) or a PEM bundle of several: mail identities, each trusted for its own signatures only (CA certificates go to trust-anchors)")]
    [AcceptsUpload("application/x-pem-file", "text/plain", "application/pkix-cert")]
    [ProducesResponseType<KeystoreChangeResponse>(201), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(409, "application/problem+json"), ProducesResponseType<ProblemDetails>(413, "application/problem+json"), ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static async Task<IResult> Import(HttpContext context, ISmimeKeyMaterialReader reader, KeystoreLimits limits, IMessageBus bus, CancellationToken cancellation)
    {
        var upload = await Upload.ReadAsync(context.Request, limits.MaxUploadBytes, cancellation);
        var certificates = reader.ReadCertificates(upload.Content);
        var change = await bus.InvokeAsync<KeystoreChange>(new ImportCertificates(certificates, context.ActorName()), cancellation);
        return Replies.Created(change, fingerprint => $"{Route}/{fingerprint}");
    }

    [WolverineGet(Route), Authorize(Roles = Roles.Readers), Tags("Keystore: S/MIME")]
    [EndpointSummary("Certificates held, a page at a time (page from 1, limit 50 by default, at most 200), with the total: q searches a name, an address, a domain or a fingerprint's start; filtered by e-mail (case-insensitive), expiry, or an expiry window in days; asOf shows the keystore of that moment")]
    [ProducesResponseType<ListPage<CertificateView>>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static Task<IResult> List(string? q, string? email, bool? expired, int? expiresWithinDays, DateTimeOffset? asOf, string? page, string? limit,
        IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var filter = new KeystoreFilter(email, expired, expiresWithinDays, KeystoreSearch.From(q));
        return ListParameters.Answer(page, limit, request => asOf is { } moment
            ? KeystoreTimeTravel.Certificates(session, filter, request, moment, cancellation)
            : KeystoreQueries.Certificates(session, filter, request, clock.GetUtcNow(), cancellation));
    }

    [WolverineGet(Route + "/{fingerprint}"), Authorize(Roles = Roles.Readers), Tags("Keystore: S/MIME")]
    [EndpointSummary("One certificate by its SHA-256 fingerprint (any case, colons allowed)")]
    [ProducesResponseType<CertificateView>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string fingerprint, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        await KeystoreQueries.Certificate(session, fingerprint, clock.GetUtcNow(), cancellation) is { } view
            ? Results.Ok(view)
            : Problems.NotFound($"There is no certificate {fingerprint} in the keystore.");

    [WolverineGet(Route + "/{fingerprint}/pem"), Authorize(Roles = Roles.Readers), Tags("Keystore: S/MIME")]
    [EndpointSummary("The public certificate, PEM (there is no way to download a private key)")]
    [ProducesResponseType<string>(200, "application/x-pem-file"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Pem(string fingerprint, IQuerySession session, CancellationToken cancellation)
    {
        var entry = await session.LoadAsync<KeystoreEntry>(Domain.Keystore.KeystoreIds.ForCertificate(KeystoreQueries.NormalizeFingerprint(fingerprint)), cancellation);
        return entry?.Certificate is { } certificate
            ? Results.Text(PemText.Of("CERTIFICATE", certificate.Der), "application/x-pem-file")
            : Problems.NotFound($"There is no certificate {fingerprint} in the keystore.");
    }

    [WolverineDelete(Route + "/{fingerprint}"), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    [EndpointSummary("Remove the certificate and destroy its private key; the history stays")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Remove(string fingerprint, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Replies.Removed(await bus.InvokeAsync<KeystoreChange>(
            new RemoveCertificate(KeystoreQueries.NormalizeFingerprint(fingerprint), context.ActorName()), cancellation));

    [WolverineDelete(Route + "/{fingerprint}/private-key"), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    [EndpointSummary("Destroy the certificate's private key; the certificate stays (encryption to it and its signatures still work, signing with it does not)")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> RemovePrivateKey(string fingerprint, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Replies.Removed(await bus.InvokeAsync<KeystoreChange>(
            new RemovePrivateKey(KeystoreQueries.NormalizeFingerprint(fingerprint), context.ActorName()), cancellation));
}
