using Marten;
using SecureMail.Application.Common;
using SecureMail.Domain.Accounts;
using SecureMail.Domain.Common;

namespace SecureMail.Application.Accounts;

public sealed record GrantUserRole(string Name, string Role, string Actor);

public sealed record RevokeUserRole(string Name, string Role, string Actor);

public sealed record DisableUserAccount(string Name, string Actor);

public sealed record EnableUserAccount(string Name, string Actor);

/// <summary>A new password for the account: set by an admin, or by its user after the current one was checked.</summary>
public sealed record SetUserPassword(string Name, string? Password, string Actor);

public static class ChangeUserAccountHandler
{
    public static Task<Decision<UserAccount>> Handle(GrantUserRole command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        Change(session, command.Name, account => account.Grant(command.Role, command.Actor, clock.GetUtcNow()), cancellation);

    public static Task<Decision<UserAccount>> Handle(RevokeUserRole command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        Change(session, command.Name, account => account.Revoke(command.Role, command.Actor, clock.GetUtcNow()), cancellation);

    public static Task<Decision<UserAccount>> Handle(DisableUserAccount command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        Change(session, command.Name, account => account.Disable(command.Actor, clock.GetUtcNow()), cancellation);

    public static Task<Decision<UserAccount>> Handle(EnableUserAccount command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        Change(session, command.Name, account => account.Enable(command.Actor, clock.GetUtcNow()), cancellation);

    public static async Task<Decision<UserAccount>> Handle(SetUserPassword command, IDocumentSession session, PasswordHashing passwords,
        TimeProvider clock, CancellationToken cancellation)
    {
        var outcome = await Change(session, command.Name, account => account.ChangePassword(command.Password, command.Actor, clock.GetUtcNow()), cancellation);
        if (outcome.Value is { } account)
            session.Store(passwords.Hash(account.Id, command.Password!));
        return outcome;
    }

    private static async Task<Decision<UserAccount>> Change(IDocumentSession session, string name, Func<UserAccount, Decision> decide, CancellationToken cancellation)
    {
        if (AccountRules.CheckName(name) is not null)
            return NoSuchAccount(name);
        var stream = await session.Events.FetchForWriting<UserAccount>(UserAccount.IdFor(name), cancellation);
        if (stream.Aggregate is not { } account)
            return NoSuchAccount(name);
        var decision = decide(account);
        if (decision.Rejection is { } rejection)
            return Decision<UserAccount>.Reject(rejection);
        stream.AppendMany(decision.Events);
        return Decision<UserAccount>.Accept(UserAccount.Replay(account, decision.Events)!);
    }

    private static Decision<UserAccount> NoSuchAccount(string name) =>
        Decision<UserAccount>.Reject(new Rejection(RejectionKind.NotFound, $"There is no account named {name}."));
}
