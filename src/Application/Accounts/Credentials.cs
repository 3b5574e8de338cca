using Marten;
using SecureMail.Domain.Accounts;

namespace SecureMail.Application.Accounts;

/// <summary>Checks a name and password. Unknown name, wrong password and disabled account give the same answer, null,
/// after the same work.</summary>
public sealed class Credentials(PasswordHashing passwords)
{
    public async Task<UserAccount?> CheckAsync(IDocumentSession session, string name, string password, CancellationToken cancellation)
    {
        var id = AccountRules.CheckName(name) is null ? UserAccount.IdFor(name) : Guid.Empty;
        var account = id == Guid.Empty ? null : await session.LoadAsync<UserAccount>(id, cancellation);
        var stored = account is null ? null : await session.LoadAsync<UserPassword>(id, cancellation);
        var check = passwords.Check(stored, password);
        if (check == PasswordCheck.Wrong || account is null || account.Disabled)
            return null;
        if (check == PasswordCheck.RightButRehash)
        {
            session.Store(passwords.Hash(id, password));
            await session.SaveChangesAsync(cancellation);
        }
        return account;
    }
}
