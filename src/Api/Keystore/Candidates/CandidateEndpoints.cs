using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Collected;
using SecureMail.Application.Keystore.Listing;
using SecureMail.Domain.Settings;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Keystore.Candidates;

/// <summary>Certificates and PGP keys that arrived in mail, waiting for an admin's review. A candidate changes no
/// verdict until it is imported.</summary>
public static class CandidateEndpoints
{
    private const string Smime = "/api/v1/keystore/smime/candidates", Pgp = "/api/v1/keystore/pgp/candidates";

    [WolverineGet(Smime), Authorize(Roles = Roles.Readers), Tags("Keystore: S/MIME")]
    [EndpointSummary("Certificates carried by signed mail that the keystore does not hold, newest first, a page at a time (q, page, limit as for certificates); conflictsWith names held certificates for the same address")]
    [ProducesResponseType<ListPage<CandidateView>>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static Task<IResult> ListSmime(string? q, string? email, string? page, string? limit, IQuerySession session, CandidateOptions options, TimeProvider clock,
        CancellationToken cancellation) =>
        ListParameters.Answer(page, limit, request =>
            CandidateQueries.ListAsync(session, MailSecuritySystem.SMIME, email, KeystoreSearch.From(q), request, options, clock.GetUtcNow(), cancellation));

    [WolverineGet(Pgp), Authorize(Roles = Roles.Readers), Tags("Keystore: PGP")]
    [EndpointSummary("PGP keys that arrived in mail (application/pgp-keys, Autocrypt) that the keystore does not hold, newest first, a page at a time (q, page, limit as for PGP keys)")]
    [ProducesResponseType<ListPage<CandidateView>>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static Task<IResult> ListPgp(string? q, string? email, string? page, string? limit, IQuerySession session, CandidateOptions options, TimeProvider clock,
        CancellationToken cancellation) =>
        ListParameters.Answer(page, limit, request =>
            CandidateQueries.ListAsync(session, MailSecuritySystem.PGP, email, KeystoreSearch.From(q), request, options, clock.GetUtcNow(), cancellation));

    [WolverinePost(Smime + "/{fingerprint}/import"), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    [EndpointSummary("Import a candidate certificate (verify it with the sender first); articles waiting for it are processed again")]
    [ProducesResponseType<KeystoreChangeResponse>(201), ProducesResponseType<ProblemDetails>(404, "application/problem+json"),
     ProducesResponseType<ProblemDetails>(409, "application/problem+json"), ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static Task<IResult> ImportSmime(string fingerprint, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Import(MailSecuritySystem.SMIME, fingerprint, "/api/v1/keystore/smime/certificates", context, bus, cancellation);

    [WolverinePost(Pgp + "/{fingerprint}/import"), Authorize(Roles = Roles.Admin), Tags("Keystore: PGP")]
    [EndpointSummary("Import a candidate PGP key (verify it with the sender first); articles waiting for it are processed again")]
    [ProducesResponseType<KeystoreChangeResponse>(201), ProducesResponseType<ProblemDetails>(404, "application/problem+json"),
     ProducesResponseType<ProblemDetails>(409, "application/problem+json"), ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static Task<IResult> ImportPgp(string fingerprint, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Import(MailSecuritySystem.PGP, fingerprint, "/api/v1/keystore/pgp/keys", context, bus, cancellation);

    [WolverineDelete(Smime + "/{fingerprint}"), Authorize(Roles = Roles.Admin), Tags("Keystore: S/MIME")]
    [EndpointSummary("Dismiss a candidate certificate: it leaves the list and later mail does not bring it back")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> DismissSmime(string fingerprint, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Replies.Removed(await bus.InvokeAsync<KeystoreChange>(
            new DismissCandidate(MailSecuritySystem.SMIME, KeystoreQueries.NormalizeFingerprint(fingerprint), context.ActorName()), cancellation));

    [WolverineDelete(Pgp + "/{fingerprint}"), Authorize(Roles = Roles.Admin), Tags("Keystore: PGP")]
    [EndpointSummary("Dismiss a candidate PGP key: it leaves the list and later mail does not bring it back")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> DismissPgp(string fingerprint, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Replies.Removed(await bus.InvokeAsync<KeystoreChange>(
            new DismissCandidate(MailSecuritySystem.PGP, KeystoreQueries.NormalizeFingerprint(fingerprint), context.ActorName()), cancellation));

    private static async Task<IResult> Import(MailSecuritySystem system, string fingerprint, string keystoreRoute, HttpContext context, IMessageBus bus,
        CancellationToken cancellation)
    {
        var change = await bus.InvokeAsync<KeystoreChange>(
            new ImportCandidate(system, KeystoreQueries.NormalizeFingerprint(fingerprint), context.ActorName()), cancellation);
        return Replies.Created(change, imported => $"{keystoreRoute}/{imported}");
    }
}
