using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Application.Keystore.Alerts;
using Wolverine.Http;

namespace SecureMail.Api.Keystore;

public static class AlertEndpoints
{
    [WolverineGet("/api/v1/keystore/alerts"), Authorize(Roles = Roles.Readers), Tags("Keystore")]
    [EndpointSummary("What ends within Keystore:ExpiryWarningDays or has ended: the groups' own keys (expired too), customers' certificates and PGP keys, CRLs past their nextUpdate; critical first")]
    public static Task<IReadOnlyList<KeystoreAlert>> List(IQuerySession session, AlertOptions options, TimeProvider clock, CancellationToken cancellation) =>
        KeystoreAlerts.ListAsync(session, options, clock.GetUtcNow(), cancellation);
}
