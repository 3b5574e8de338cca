using Marten;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;

namespace SecureMail.Application.Keystore.Pgp;

/// <param name="Domain">Null removes the alias.</param>
public sealed record ChangePgpKeyDomainAlias(string Fingerprint, string? Domain, string Actor);

public static class ChangePgpKeyDomainAliasHandler
{
    public static async Task<KeystoreChange> Handle(ChangePgpKeyDomainAlias command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<PgpKeyEntry>(KeystoreIds.ForPgpKey(command.Fingerprint), cancellation);
        var decision = command.Domain is { } domain
            ? PgpKeyEntry.SetDomainAlias(stream.Aggregate, domain, command.Actor, clock.GetUtcNow())
            : PgpKeyEntry.RemoveDomainAlias(stream.Aggregate, command.Actor, clock.GetUtcNow());
        if (decision.Rejection is { } rejection)
            return KeystoreChange.Rejected(rejection);
        stream.AppendMany(decision.Events);
        return new KeystoreChange([new KeystoreChangeItem(stream.Aggregate!.Key.Fingerprint, command.Domain is null ? "domainAliasRemoved" : "domainAliasSet")], null);
    }
}
