using Marten;
using Microsoft.AspNetCore.Authorization;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Pgp;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Keystore.Pgp;

public static class PgpKeyEndpoints
{
    public const string Route = "/api/v1/keystore/pgp/keys";

    /// <summary>Armored or binary key(s) as the body (a secret key's passphrase in X-Passphrase),
    /// or multipart/form-data with <c>file</c> and <c>passphrase</c>.</summary>
    [WolverinePost(Route), Authorize(Roles = Roles.Admin), Tags("Keystore: PGP")]
    public static async Task<IResult> Import(HttpContext context, IPgpKeyMaterialReader reader, KeystoreLimits limits, IMessageBus bus, CancellationToken cancellation)
    {
        var upload = await Upload.ReadAsync(context.Request, limits.MaxUploadBytes, cancellation);
        var keys = reader.ReadKeys(upload.Content, upload.Password);
        var change = await bus.InvokeAsync<KeystoreChange>(new ImportPgpKeys(keys, context.ActorName()), cancellation);
        return Replies.Created(change, fingerprint => $"{Route}/{fingerprint}");
    }

    [WolverineGet(Route), Authorize(Roles = Roles.Readers), Tags("Keystore: PGP")]
    public static Task<IReadOnlyList<PgpKeyView>> List(string? email, bool? expired, int? expiresWithinDays, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        KeystoreQueries.PgpKeys(session, new KeystoreFilter(email, expired, expiresWithinDays), clock.GetUtcNow(), cancellation);

    [WolverineGet(Route + "/{fingerprint}"), Authorize(Roles = Roles.Readers), Tags("Keystore: PGP")]
    public static async Task<IResult> Get(string fingerprint, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        await KeystoreQueries.PgpKey(session, fingerprint, cancellation) is { } entry
            ? Results.Ok(PgpKeyView.From(entry, clock.GetUtcNow()))
            : Problems.NotFound($"There is no PGP key {fingerprint} in the keystore.");

    /// <summary>The public key, ASCII-armored. There is no way to download a secret key.</summary>
    [WolverineGet(Route + "/{fingerprint}/armored"), Authorize(Roles = Roles.Readers), Tags("Keystore: PGP")]
    public static async Task<IResult> Armored(string fingerprint, IQuerySession session, IPgpArmor armor, CancellationToken cancellation) =>
        await KeystoreQueries.PgpKey(session, fingerprint, cancellation) is { PgpKey: { } key }
            ? Results.Text(armor.ArmorPublicKey(Convert.FromBase64String(key.PublicKey)), "application/pgp-keys")
            : Problems.NotFound($"There is no PGP key {fingerprint} in the keystore.");

    [WolverineDelete(Route + "/{fingerprint}"), Authorize(Roles = Roles.Admin), Tags("Keystore: PGP")]
    public static async Task<IResult> Remove(string fingerprint, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Replies.Removed(await bus.InvokeAsync<KeystoreChange>(
            new RemovePgpKey(KeystoreQueries.NormalizeFingerprint(fingerprint), context.ActorName()), cancellation));
}
