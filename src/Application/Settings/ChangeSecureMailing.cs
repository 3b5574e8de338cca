using Marten;
using Marten.Services.BatchQuerying;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Settings;

/// <param name="Smime">null leaves the system as it is.</param>
public sealed record ChangeSecureMailing(bool? Smime, bool? Pgp, string Actor);

public static class ChangeSecureMailingHandler
{
    public static async Task<SecureMailing> Handle(ChangeSecureMailing command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<SecureMailing>(KeystoreIds.SecureMailingSettings, cancellation);
        var current = stream.Aggregate ?? SecureMailing.Off(KeystoreIds.SecureMailingSettings);
        var events = current.Change(command.Smime, command.Pgp, command.Actor, clock.GetUtcNow());
        stream.AppendMany(events);
        return events.Aggregate(current, (state, e) => state.After(e));
    }

    public static async Task<SecureMailing> Current(IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<SecureMailing>(KeystoreIds.SecureMailingSettings, cancellation) ?? SecureMailing.Off(KeystoreIds.SecureMailingSettings);

    /// <summary>The same, as a part of a batch.</summary>
    public static async Task<SecureMailing> Current(IBatchedQuery batch) =>
        await batch.Load<SecureMailing>(KeystoreIds.SecureMailingSettings) ?? SecureMailing.Off(KeystoreIds.SecureMailingSettings);
}
