namespace SecureMail.Domain.Accounts;

// No event carries a password or its hash: an event is kept for ever and read by every auditor, and a hash in it would
// outlive every password change. The hash lives in a document of its own, replaced on each change.

/// <summary>An account was made; its first role follows as <see cref="UserRoleGranted"/>.</summary>
public sealed record UserAccountCreated(Guid UserId, string Name, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record UserRoleGranted(Guid UserId, string Role, string GrantedBy, DateTimeOffset GrantedAt);

public sealed record UserRoleRevoked(Guid UserId, string Role, string RevokedBy, DateTimeOffset RevokedAt);

/// <summary>The account's password was set anew (by an admin or by its user); what it is, is not recorded here.</summary>
public sealed record UserPasswordChanged(Guid UserId, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record UserAccountDisabled(Guid UserId, string DisabledBy, DateTimeOffset DisabledAt);

public sealed record UserAccountEnabled(Guid UserId, string EnabledBy, DateTimeOffset EnabledAt);
