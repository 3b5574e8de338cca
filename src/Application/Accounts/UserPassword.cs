using Microsoft.AspNetCore.Identity;

namespace SecureMail.Application.Accounts;

/// <summary>An account's password hash, keyed by the account's id: a document of its own, replaced on each change,
/// never an event (events are kept for ever and read by auditors) and never logged.</summary>
public sealed record UserPassword(Guid Id, string Hash);

public enum PasswordCheck
{
    Wrong,
    Right,
    RightButRehash,
}

/// <summary>ASP.NET Core Identity's hasher: PBKDF2 with a salt per password, its format versioned so that hashes made
/// with weaker settings are recognised and replaced at the next sign-in.</summary>
public sealed class PasswordHashing
{
    private static readonly UserPassword Nobody = new(Guid.Empty, "");
    private readonly PasswordHasher<UserPassword> hasher = new();
    private readonly string decoy;

    public PasswordHashing() => decoy = hasher.HashPassword(Nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    public UserPassword Hash(Guid userId, string password) => new(userId, hasher.HashPassword(Nobody, password));

    /// <summary>With no stored hash a decoy is checked, so that an unknown name costs as long as a known one and the
    /// answer's timing does not tell which names exist.</summary>
    public PasswordCheck Check(UserPassword? stored, string password) =>
        hasher.VerifyHashedPassword(Nobody, stored?.Hash ?? decoy, password) switch
        {
            PasswordVerificationResult.Success when stored is not null => PasswordCheck.Right,
            PasswordVerificationResult.SuccessRehashNeeded when stored is not null => PasswordCheck.RightButRehash,
            _ => PasswordCheck.Wrong,
        };
}
