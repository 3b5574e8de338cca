using Marten;
using Microsoft.AspNetCore.Authorization;
using SecureMail.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Listing;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Domain.Common;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Keystore.Pgp;

public static class PgpKeyEndpoints
{
    public const string Route = "/api/v1/keystore/pgp/keys";

    [WolverinePost(Route), Authorize(Roles = Roles.Admin), Tags("Keystore: PGP")]
    [EndpointSummary("Import PGP key(s): armored or binary body (passphrase in X-Passphrase), or multipart/form-data with file and passphrase")]
    [AcceptsUpload("application/pgp-keys", "text/plain", "application/octet-stream", "multipart/form-data")]
    [ProducesResponseType<KeystoreChangeResponse>(201), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(409, "application/problem+json"), ProducesResponseType<ProblemDetails>(413, "application/problem+json"), ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static async Task<IResult> Import(HttpContext context, IPgpKeyMaterialReader reader, KeystoreLimits limits, IMessageBus bus, CancellationToken cancellation)
    {
        var upload = await Upload.ReadAsync(context.Request, limits.MaxUploadBytes, cancellation);
        var keys = reader.ReadKeys(upload.Content, upload.Password, cancellation);
        var change = await bus.InvokeAsync<KeystoreChange>(new ImportPgpKeys(keys, context.ActorName()), cancellation);
        return Replies.Created(change, fingerprint => $"{Route}/{fingerprint}");
    }

    [WolverineGet(Route), Authorize(Roles = Roles.Readers), Tags("Keystore: PGP")]
    [EndpointSummary("PGP keys held, a page at a time (page from 1, limit 50 by default, at most 200), with the total: q searches a user ID, an address, a domain or a fingerprint's start; filtered by e-mail (case-insensitive), expiry, or an expiry window in days; asOf shows the keystore of that moment")]
    [ProducesResponseType<ListPage<PgpKeyView>>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static Task<IResult> List(string? q, string? email, bool? expired, int? expiresWithinDays, DateTimeOffset? asOf, string? page, string? limit,
        IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var filter = new KeystoreFilter(email, expired, expiresWithinDays, KeystoreSearch.From(q));
        return ListParameters.Answer(page, limit, request => asOf is { } moment
            ? KeystoreTimeTravel.PgpKeys(session, filter, request, moment, cancellation)
            : KeystoreQueries.PgpKeys(session, filter, request, clock.GetUtcNow(), cancellation));
    }

    [WolverineGet(Route + "/{fingerprint}"), Authorize(Roles = Roles.Readers), Tags("Keystore: PGP")]
    [EndpointSummary("One PGP key by its fingerprint")]
    [ProducesResponseType<PgpKeyView>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string fingerprint, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        await KeystoreQueries.PgpKey(session, fingerprint, cancellation) is { } entry
            ? Results.Ok(PgpKeyView.From(entry, clock.GetUtcNow()))
            : Problems.NotFound($"There is no PGP key {fingerprint} in the keystore.");

    [WolverineGet(Route + "/{fingerprint}/armored"), Authorize(Roles = Roles.Readers), Tags("Keystore: PGP")]
    [EndpointSummary("The public key, ASCII-armored (there is no way to download a secret key)")]
    [ProducesResponseType<string>(200, "application/pgp-keys"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Armored(string fingerprint, IQuerySession session, IPgpArmor armor, CancellationToken cancellation) =>
        await KeystoreQueries.PgpKey(session, fingerprint, cancellation) is { PgpKey: { } key }
            ? Results.Text(armor.ArmorPublicKey(Convert.FromBase64String(key.PublicKey)), "application/pgp-keys")
            : Problems.NotFound($"There is no PGP key {fingerprint} in the keystore.");

    [WolverineDelete(Route + "/{fingerprint}"), Authorize(Roles = Roles.Admin), Tags("Keystore: PGP")]
    [EndpointSummary("Remove the PGP key and destroy its secret part; the history stays")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Remove(string fingerprint, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Replies.Removed(await bus.InvokeAsync<KeystoreChange>(
            new RemovePgpKey(KeystoreQueries.NormalizeFingerprint(fingerprint), context.ActorName()), cancellation));

    [WolverinePut(Route + "/{fingerprint}/domain-alias"), Authorize(Roles = Roles.Admin), Tags("Keystore: PGP")]
    [EndpointSummary("Let the key stand for every address of a domain that has no PGP key of its own (used while Keystore:PgpDomainAlias is on); a new domain replaces the old")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> SetDomainAlias(string fingerprint, DomainAliasRequest request, HttpContext context, IMessageBus bus, CancellationToken cancellation)
    {
        if (DomainName.Parse(request.Domain) is not { } domain)
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["domain"] = [$"\"{request.Domain}\" is not a mail domain: give a name such as example.com, without @."],
            });
        return Replies.Changed(await bus.InvokeAsync<KeystoreChange>(
            new ChangePgpKeyDomainAlias(KeystoreQueries.NormalizeFingerprint(fingerprint), domain, context.ActorName()), cancellation));
    }

    [WolverineDelete(Route + "/{fingerprint}/domain-alias"), Authorize(Roles = Roles.Admin), Tags("Keystore: PGP")]
    [EndpointSummary("End the key's domain alias (204 also when it had none)")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> RemoveDomainAlias(string fingerprint, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Replies.Changed(await bus.InvokeAsync<KeystoreChange>(
            new ChangePgpKeyDomainAlias(KeystoreQueries.NormalizeFingerprint(fingerprint), null, context.ActorName()), cancellation));
}

/// <param name="Domain">The part after the @ of the addresses the key stands for, e.g. "example.com".</param>
public sealed record DomainAliasRequest(string? Domain);
