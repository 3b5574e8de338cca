using System.Globalization;
using System.Text;
using SecureMail.Domain.Common;

namespace SecureMail.Domain.Accounts;

/// <summary>The roles a person's account can hold. The <c>mailer</c> role stays with programs that hold bearer tokens.</summary>
public static class AccountRoles
{
    public const string Admin = "admin";
    public const string Agent = "agent";
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Admin, Agent, Auditor];
}

/// <summary>What a name, a role and a password must be.</summary>
public static class AccountRules
{
    public const int MaxNameLength = 64;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 1024;

    /// <summary>The form names are compared in: trimmed, compatibility-normalised (a fullwidth "ａｄｍｉｎ" is "admin"), lower case.</summary>
    public static string Normalise(string name) => name.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static Rejection? CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxNameLength)
            return Invalid($"A name has 1 to {MaxNameLength} characters.");
        // Letters, digits and . _ - @ only: a name goes into URLs, logs and the cookie, and look-alike spaces or control
        // characters would let two accounts read the same.
        if (!trimmed.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
            return Invalid("A name may hold letters, digits and . _ - @ only.");
        return null;
    }

    public static Rejection? CheckRole(string? role) =>
        role is not null && AccountRoles.All.Contains(role)
            ? null
            : Invalid($"The role must be one of: {string.Join(", ", AccountRoles.All)}.");

    public static Rejection? CheckPassword(string? password)
    {
        var length = password is null ? 0 : new StringInfo(password).LengthInTextElements;
        if (length < MinPasswordLength || string.IsNullOrWhiteSpace(password))
            return Invalid($"A password needs at least {MinPasswordLength} characters.");
        if (password!.Length > MaxPasswordLength)
            return Invalid($"A password has at most {MaxPasswordLength} characters.");
        return null;
    }

    private static Rejection Invalid(string message) => new(RejectionKind.Invalid, message);
}
