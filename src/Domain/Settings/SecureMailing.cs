using SecureMail.Domain.Common;

namespace SecureMail.Domain.Settings;

public enum MailSecuritySystem
{
    SMIME,
    PGP,
}

public sealed record SecureMailingEnabled(Guid SettingsId, MailSecuritySystem System, string EnabledBy, DateTimeOffset EnabledAt);

public sealed record SecureMailingDisabled(Guid SettingsId, MailSecuritySystem System, string DisabledBy, DateTimeOffset DisabledAt);

/// <summary>Which systems are on. Both start off: an admin turns them on.</summary>
public sealed record SecureMailing(Guid Id, bool SmimeEnabled, bool PgpEnabled) : IEvolving<SecureMailing>
{
    public static SecureMailing Off(Guid id) => new(id, false, false);

    // Named apart from Marten's Create/Apply conventions: the store folds the settings through Evolution alone. The first
    // change starts them from off.
    public static Evolution<SecureMailing> Evolution { get; } = new Evolution<SecureMailing>()
        .Fold<SecureMailingEnabled>((state, e) => (state ?? Off(e.SettingsId)).Set(e.System, true))
        .Fold<SecureMailingDisabled>((state, e) => (state ?? Off(e.SettingsId)).Set(e.System, false));

    public SecureMailing After(object e) => Evolution.Evolve(this, e, 0) ?? this;

    public bool IsEnabled(MailSecuritySystem system) => system == MailSecuritySystem.SMIME ? SmimeEnabled : PgpEnabled;

    /// <summary>Idempotent: a system already in the wanted state yields no event.</summary>
    public IReadOnlyList<object> Change(bool? smime, bool? pgp, string actor, DateTimeOffset now) =>
        new[] { (MailSecuritySystem.SMIME, smime), (MailSecuritySystem.PGP, pgp) }
            .Where(w => w.Item2 is { } wanted && wanted != IsEnabled(w.Item1))
            .Select(w => w.Item2 == true
                ? (object)new SecureMailingEnabled(Id, w.Item1, actor, now)
                : new SecureMailingDisabled(Id, w.Item1, actor, now))
            .ToList();

    private SecureMailing Set(MailSecuritySystem system, bool on) =>
        system == MailSecuritySystem.SMIME ? this with { SmimeEnabled = on } : this with { PgpEnabled = on };
}
