using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>Which keys an article will be signed and encrypted with, decided before any key is opened.</summary>
/// <param name="Recipients">One key per address of <see cref="EncryptionRecipients"/>, plus the group's own when it has one
/// (the sent copy stays readable).</param>
public sealed record SecurityPlan(RequestedSecurity Requested, KeyCandidate? Signer, IReadOnlyList<KeyCandidate> Recipients)
{
    public static readonly SecurityPlan None = new(RequestedSecurity.None, null, []);

    /// <param name="sign">null: the group's default for the system (itself null: whenever possible).</param>
    public static (SecurityPlan? Plan, Rejection? Rejection) Decide(MailSecuritySystem? system, bool? sign, bool? encrypt,
        SecureMailing settings, Group group, EncryptionRecipients recipients, IReadOnlyDictionary<string, IReadOnlyList<KeyCandidate>> keysByAddress)
    {
        if (system is not { } type)
            return (None, null);
        var name = type == MailSecuritySystem.SMIME ? "S/MIME" : "PGP";
        if (!settings.IsEnabled(type))
            return (null, new(RejectionKind.Invalid, $"{name} is turned off; an admin can turn it on in the secure-mailing settings."));

        var option = SecurityOptions.For(type, group, recipients, keysByAddress);
        var wantSign = sign ?? option.Defaults.Sign;
        var wantEncrypt = encrypt ?? option.Defaults.Encrypt;
        if (wantSign && !option.Sign.Possible)
            return (null, new(RejectionKind.Invalid, $"Cannot sign with {name}: {option.Sign.Message}"));
        if (wantEncrypt && !option.Encrypt.Possible)
            return (null, new(RejectionKind.Invalid, $"Cannot encrypt with {name}: {option.Encrypt.Message}"));
        if (!wantSign && !wantEncrypt)
            return (None, null);

        var signer = wantSign ? KeyCandidate.Best(Keys(keysByAddress, group.EmailAddress).Where(k => k.HasPrivateKey), k => k.UsableForSigning) : null;
        var encryptTo = wantEncrypt
            ? recipients.Addresses.Append(group.EmailAddress)
                .Select(r => KeyCandidate.Best(Keys(keysByAddress, r), k => k.UsableForEncryption))
                .OfType<KeyCandidate>().DistinctBy(k => k.Fingerprint).ToList()
            : [];
        return (new SecurityPlan(new RequestedSecurity(type, wantSign, wantEncrypt), signer, encryptTo), null);
    }

    private static IReadOnlyList<KeyCandidate> Keys(IReadOnlyDictionary<string, IReadOnlyList<KeyCandidate>> keys, string address) =>
        keys.TryGetValue(address.Trim().ToLowerInvariant(), out var found) ? found : [];
}
