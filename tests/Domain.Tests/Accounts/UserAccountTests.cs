using SecureMail.Domain.Accounts;
using SecureMail.Domain.Common;

namespace SecureMail.Domain.Tests.Accounts;

public class UserAccountTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;
    private const string Password = "correct horse battery";

    private static UserAccount Alice() => UserAccount.Replay(null, UserAccount.Open(null, "alice", "agent", Password, "admin", Now).Events)!;

    [Fact]
    public void Opening_an_account_records_its_creation_and_first_role_and_no_password()
    {
        var decision = UserAccount.Open(null, "  Alice ", "agent", Password, "admin", Now);

        var id = UserAccount.IdFor("alice");
        Assert.Equal([new UserAccountCreated(id, "Alice", "admin", Now), new UserRoleGranted(id, "agent", "admin", Now)], decision.Events);
        var account = UserAccount.Replay(null, decision.Events)!;
        Assert.Equal(("Alice", false, 0), (account.Name, account.Disabled, account.PasswordVersion));
        Assert.Equal(["agent"], account.Roles);
        Assert.DoesNotContain(Password, string.Join(" ", decision.Events));
    }

    [Theory]
    [InlineData("ALICE")]
    [InlineData(" alice ")]
    [InlineData("ａｌｉｃｅ")]
    public void A_name_is_taken_whatever_its_spelling(string spelling)
    {
        Assert.Equal(UserAccount.IdFor("alice"), UserAccount.IdFor(spelling));

        var decision = UserAccount.Open(Alice(), spelling, "agent", Password, "admin", Now);

        Assert.Equal(RejectionKind.Conflict, decision.Rejection?.Kind);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData("", "agent", Password)]
    [InlineData("has space", "agent", Password)]
    [InlineData("bob", "mailer", Password)]
    [InlineData("bob", "root", Password)]
    [InlineData("bob", "agent", "short pass")]
    [InlineData("bob", "agent", "            ")]
    public void Bad_names_roles_and_weak_passwords_are_refused(string name, string role, string password)
    {
        var decision = UserAccount.Open(null, name, role, password, "admin", Now);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection?.Kind);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Granting_and_revoking_are_idempotent()
    {
        var alice = Alice();

        var granted = alice.After(Assert.Single(alice.Grant("auditor", "admin", Now).Events));
        var revoked = granted.After(Assert.Single(granted.Revoke("agent", "admin", Now).Events));

        Assert.Equal(["agent", "auditor"], granted.Roles);
        Assert.Empty(granted.Grant("auditor", "admin", Now).Events);
        Assert.Equal(["auditor"], revoked.Roles);
        Assert.Empty(revoked.Revoke("agent", "admin", Now).Events);
        Assert.Equal(RejectionKind.Invalid, alice.Grant("mailer", "admin", Now).Rejection?.Kind);
    }

    [Fact]
    public void Disabling_enabling_and_a_new_password_change_the_account()
    {
        var alice = Alice();

        var disabled = alice.After(Assert.Single(alice.Disable("admin", Now).Events));
        var enabled = disabled.After(Assert.Single(disabled.Enable("admin", Now).Events));
        var changed = enabled.After(Assert.IsType<UserPasswordChanged>(Assert.Single(enabled.ChangePassword("a brand new password", "alice", Now).Events)));

        Assert.True(disabled.Disabled);
        Assert.Empty(disabled.Disable("admin", Now).Events);
        Assert.False(enabled.Disabled);
        Assert.Equal(1, changed.PasswordVersion);
        Assert.Equal(RejectionKind.Invalid, enabled.ChangePassword("too short", "alice", Now).Rejection?.Kind);
    }

    [Fact]
    public void A_groups_stream_id_stays_what_it_was_written_under()
    {
        Assert.Equal(Guid.Parse("a21181ff-d10a-8725-9c16-a58836a5a5f3"), SecureMail.Domain.Groups.Group.IdFor(" Support "));
    }
}
