using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tests.Settings;

public class SecureMailingTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Turning_a_system_on_records_one_event_and_repeating_it_records_none()
    {
        var off = SecureMailing.Off(Guid.NewGuid());

        var events = off.Change(smime: true, pgp: null, "admin", Now);
        var on = events.Aggregate(off, (s, e) => s.After(e));

        Assert.Equal(new SecureMailingEnabled(off.Id, MailSecuritySystem.SMIME, "admin", Now), Assert.Single(events));
        Assert.True(on.SmimeEnabled);
        Assert.False(on.PgpEnabled);
        Assert.Empty(on.Change(smime: true, pgp: false, "admin", Now));
    }

    [Fact]
    public void Turning_a_system_off_records_it_disabled()
    {
        var on = new SecureMailing(Guid.NewGuid(), true, true);

        var disabled = Assert.IsType<SecureMailingDisabled>(Assert.Single(on.Change(null, false, "admin", Now)));

        Assert.Equal(MailSecuritySystem.PGP, disabled.System);
        Assert.False(on.After(disabled).PgpEnabled);
    }
}
