using Marten;
using Microsoft.AspNetCore.Authorization;
using SecureMail.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Application.Settings;
using SecureMail.Domain.Settings;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Settings;

public sealed record SystemSwitch(bool? Enabled);

/// <summary>{"smime":{"enabled":true},"pgp":{"enabled":false}}; a system left out stays as it is.</summary>
public sealed record SecureMailingSettings(SystemSwitch? Smime, SystemSwitch? Pgp)
{
    public static SecureMailingSettings From(SecureMailing state) =>
        new(new SystemSwitch(state.SmimeEnabled), new SystemSwitch(state.PgpEnabled));
}

public static class SecureMailingEndpoints
{
    private const string Route = "/api/v1/settings/secure-mailing";

    [WolverineGet(Route), Authorize(Roles = Roles.Everyone), Tags("Settings")]
    [EndpointSummary("Which systems (S/MIME, PGP) are on")]
    public static async Task<SecureMailingSettings> Get(IQuerySession session, CancellationToken cancellation) =>
        SecureMailingSettings.From(await ChangeSecureMailingHandler.Current(session, cancellation));

    [WolverinePut(Route), Authorize(Roles = Roles.Admin), Tags("Settings")]
    [EndpointSummary("Turn S/MIME and PGP on or off; a system left out stays as it is")]
    public static async Task<SecureMailingSettings> Put(SecureMailingSettings settings, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        SecureMailingSettings.From(await bus.InvokeAsync<SecureMailing>(
            new ChangeSecureMailing(settings.Smime?.Enabled, settings.Pgp?.Enabled, context.ActorName()), cancellation));
}
