using SecureMail.Domain.Common;

namespace SecureMail.Domain.Accounts;

/// <summary>A person who signs in with a name and password. The read model of GET /api/v1/users, and what each request
/// signed in by cookie is checked against.</summary>
/// <param name="PasswordVersion">How often the password was changed: a session carries the version it was signed in with,
/// so that a changed password ends the sessions made with the old one.</param>
public sealed record UserAccount(Guid Id, string Name, IReadOnlyList<string> Roles, bool Disabled, DateTimeOffset CreatedAt, int PasswordVersion)
    : IEvolving<UserAccount>
{
    /// <summary>One stream per name, however it is spelt: the event store refuses a second account for a taken name.</summary>
    public static Guid IdFor(string name) => DerivedId.From("user", AccountRules.Normalise(name));

    // Named apart from Marten's Create/Apply conventions: the store folds an account through Evolution alone.
    public static Evolution<UserAccount> Evolution { get; } = new Evolution<UserAccount>()
        .Create<UserAccountCreated>(e => new(e.UserId, e.Name, [], false, e.CreatedAt, 0))
        .On<UserRoleGranted>((a, e) => a with { Roles = [.. a.Roles.Append(e.Role).Distinct().Order(StringComparer.Ordinal)] })
        .On<UserRoleRevoked>((a, e) => a with { Roles = [.. a.Roles.Where(r => r != e.Role)] })
        .On<UserPasswordChanged>((a, _) => a with { PasswordVersion = a.PasswordVersion + 1 })
        .On<UserAccountDisabled>((a, _) => a with { Disabled = true })
        .On<UserAccountEnabled>((a, _) => a with { Disabled = false });

    public UserAccount After(object e) => Evolution.Evolve(this, e, 0) ?? this;

    /// <summary>The account after <paramref name="events"/>, starting from nothing when they open the stream.</summary>
    public static UserAccount? Replay(UserAccount? current, IEnumerable<object> events) =>
        events.Aggregate(current, (state, e) => Evolution.Evolve(state, e, 0));

    public bool HasRole(string role) => Roles.Contains(role);

    public static Decision Open(UserAccount? existing, string? name, string? role, string? password, string actor, DateTimeOffset now)
    {
        if ((AccountRules.CheckName(name) ?? AccountRules.CheckRole(role) ?? AccountRules.CheckPassword(password)) is { } invalid)
            return new Decision([], invalid);
        if (existing is not null)
            return Decision.Reject(RejectionKind.Conflict, $"The name {existing.Name} is taken.");
        var id = IdFor(name!);
        return Decision.Accept(new UserAccountCreated(id, name!.Trim(), actor, now), new UserRoleGranted(id, role!, actor, now));
    }

    /// <summary>Idempotent: a role held already records nothing.</summary>
    public Decision Grant(string role, string actor, DateTimeOffset now) =>
        AccountRules.CheckRole(role) is { } invalid ? new Decision([], invalid)
        : HasRole(role) ? Decision.Accept()
        : Decision.Accept(new UserRoleGranted(Id, role, actor, now));

    /// <summary>Idempotent: a role not held records nothing.</summary>
    public Decision Revoke(string role, string actor, DateTimeOffset now) =>
        AccountRules.CheckRole(role) is { } invalid ? new Decision([], invalid)
        : !HasRole(role) ? Decision.Accept()
        : Decision.Accept(new UserRoleRevoked(Id, role, actor, now));

    public Decision Disable(string actor, DateTimeOffset now) =>
        Disabled ? Decision.Accept() : Decision.Accept(new UserAccountDisabled(Id, actor, now));

    public Decision Enable(string actor, DateTimeOffset now) =>
        Disabled ? Decision.Accept(new UserAccountEnabled(Id, actor, now)) : Decision.Accept();

    public Decision ChangePassword(string? password, string actor, DateTimeOffset now) =>
        AccountRules.CheckPassword(password) is { } invalid
            ? new Decision([], invalid)
            : Decision.Accept(new UserPasswordChanged(Id, actor, now));
}
