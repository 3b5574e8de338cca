using SecureMail.Domain.Common;
using Marten;
using SecureMail.Application.Common;
using SecureMail.Domain.Accounts;

namespace SecureMail.Application.Accounts;

public sealed record CreateUserAccount(string? Name, string? Role, string? Password, string Actor);

public static class CreateUserAccountHandler
{
    public static async Task<Decision<UserAccount>> Handle(CreateUserAccount command, IDocumentSession session, PasswordHashing passwords,
        TimeProvider clock, CancellationToken cancellation)
    {
        if (AccountRules.CheckName(command.Name) is { } badName)
            return Decision<UserAccount>.Reject(badName);
        var id = UserAccount.IdFor(command.Name!);
        var existing = await session.LoadAsync<UserAccount>(id, cancellation);
        var decision = UserAccount.Open(existing, command.Name, command.Role, command.Password, command.Actor, clock.GetUtcNow());
        if (decision.Rejection is { } rejection)
            return Decision<UserAccount>.Reject(rejection);
        // A new stream, not an append: when two writers race for one name, the event store lets only one stream begin, and
        // the loser's password document goes with its rolled-back transaction.
        session.Events.StartStream<UserAccount>(id, decision.Events);
        session.Store(passwords.Hash(id, command.Password!));
        return Decision<UserAccount>.Accept(UserAccount.Replay(null, decision.Events)!);
    }

    /// <summary>The same, outside a Wolverine pipeline (the command line, the bootstrap at start): its own session, saved
    /// when the command was accepted.</summary>
    public static async Task<Decision<UserAccount>> RunAsync(CreateUserAccount command, IDocumentStore store, PasswordHashing passwords,
        TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var outcome = await Handle(command, session, passwords, clock, cancellation);
        if (outcome.Rejection is null)
            await session.SaveChangesAsync(cancellation);
        return outcome;
    }
}
