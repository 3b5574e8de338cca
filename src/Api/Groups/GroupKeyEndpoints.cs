using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Groups;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Domain.Groups;
using Wolverine.Http;

namespace SecureMail.Api.Groups;

/// <summary>The organisation's public certificate and PGP key, which agents hand to customers who want to encrypt to the
/// helpdesk or check its signatures. Public material only: no route serves a private key.</summary>
public static class GroupKeyEndpoints
{
    private const string Route = "/api/v1/groups/{name}";

    [WolverineGet(Route + "/certificate"), Authorize(Roles = Roles.Everyone), Tags("Groups")]
    [EndpointSummary("The group's current S/MIME certificate (the one it signs with): PEM, or DER when Accept asks for application/pkix-cert")]
    [ProducesResponseType<string>(200, "application/x-pem-file", "application/pkix-cert"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Certificate(string name, HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Group>(Group.IdFor(name), cancellation) is not { } group)
            return NoGroup(name);
        if (await GroupPublicKeys.CertificateAsync(session, group, clock.GetUtcNow(), cancellation) is not { Certificate: { } certificate })
            return Problems.NotFound($"The group {group.Name} ({group.EmailAddress}) has no current S/MIME certificate with its private key in the keystore.");
        return context.Request.Headers.Accept.ToString().Contains("application/pkix-cert", StringComparison.OrdinalIgnoreCase)
            ? SafeDownload.File(context, Convert.FromBase64String(certificate.Der), $"{group.Name}.cer", "application/pkix-cert")
            : SafeDownload.File(context, System.Text.Encoding.ASCII.GetBytes(PemText.Of("CERTIFICATE", certificate.Der)), $"{group.Name}.pem", "application/x-pem-file");
    }

    [WolverineGet(Route + "/pgp-key"), Authorize(Roles = Roles.Everyone), Tags("Groups")]
    [EndpointSummary("The group's current PGP public key (the one it signs with), ASCII-armored")]
    [ProducesResponseType<string>(200, "application/pgp-keys"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> PgpKey(string name, HttpContext context, IQuerySession session, IPgpArmor armor, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (await session.LoadAsync<Group>(Group.IdFor(name), cancellation) is not { } group)
            return NoGroup(name);
        if (await GroupPublicKeys.PgpKeyAsync(session, group, clock.GetUtcNow(), cancellation) is not { PgpKey: { } key })
            return Problems.NotFound($"The group {group.Name} ({group.EmailAddress}) has no current PGP key with its secret key in the keystore.");
        var armored = armor.ArmorPublicKey(Convert.FromBase64String(key.PublicKey));
        return SafeDownload.File(context, System.Text.Encoding.ASCII.GetBytes(armored), $"{group.Name}.asc", "application/pgp-keys");
    }

    private static IResult NoGroup(string name) => Problems.NotFound($"There is no group named \"{name}\".");
}
