using SecureMail.Domain.Common;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Groups;

/// <summary>Per system: sign / encrypt by default. Null means "on whenever possible".</summary>
public sealed record SecurityDefaults(bool? Sign, bool? Encrypt)
{
    public static readonly SecurityDefaults WheneverPossible = new(null, null);
}

/// <summary>An admin set a group's sending address and defaults (a whole new configuration each time).</summary>
public sealed record GroupConfigured(
    Guid GroupId,
    string Name,
    string EmailAddress,
    SecurityDefaults Smime,
    SecurityDefaults Pgp,
    string ConfiguredBy,
    DateTimeOffset ConfiguredAt);

/// <summary>A team with its own sending address: the From of its articles and the address whose key signs.</summary>
public sealed record Group(Guid Id, string Name, string EmailAddress, SecurityDefaults Smime, SecurityDefaults Pgp) : IEvolving<Group>
{
    public static Guid IdFor(string name) => DerivedId.From("group", name.Trim());

    // Named apart from Marten's Create/Apply conventions: the store folds a group through Evolution alone.
    public static Evolution<Group> Evolution { get; } = new Evolution<Group>()
        .Fold<GroupConfigured>((_, e) => Configured(e));

    public static Group Configured(GroupConfigured e) => new(e.GroupId, e.Name, e.EmailAddress, e.Smime, e.Pgp);

    public SecurityDefaults DefaultsFor(MailSecuritySystem system) => system == MailSecuritySystem.SMIME ? Smime : Pgp;

    /// <summary>Idempotent: the same configuration again records nothing.</summary>
    public static Decision Configure(Group? current, string name, string emailAddress, SecurityDefaults smime, SecurityDefaults pgp, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name))
            return Decision.Reject(RejectionKind.Invalid, "A group needs a name.");
        var address = Common.EmailAddress.Of(emailAddress).Value;
        if (current is not null && current.EmailAddress == address && current.Smime == smime && current.Pgp == pgp && current.Name == name.Trim())
            return Decision.Accept();
        return Decision.Accept(new GroupConfigured(IdFor(name), name.Trim(), address, smime, pgp, actor, now));
    }
}
