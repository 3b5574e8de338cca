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
    public static Decision<SecurityPlan> Decide(MailSecuritySystem? system, bool? sign, bool? encrypt,
        SecureMailing settings, Group group, EncryptionRecipients recipients, KeysByAddress keysByAddress)
    {
        if (system is not { } type)
            return Decision<SecurityPlan>.Accept(None);
        if (!settings.IsEnabled(type))
            return ComposeMessages.Refusal(RejectionKind.Invalid, ComposeCode.SecurityDisabled, ComposeMessages.Disabled(type));

        var option = SecurityOptions.For(type, group, recipients, keysByAddress);
        var wantSign = sign ?? option.Defaults.Sign;
        var wantEncrypt = encrypt ?? option.Defaults.Encrypt;
        if (wantSign && !option.Sign.Possible)
            return Impossible(SecurityOperation.Sign, type, option.Sign);
        if (wantEncrypt && !option.Encrypt.Possible)
            return Impossible(SecurityOperation.Encrypt, type, option.Encrypt);
        if (!wantSign && !wantEncrypt)
            return Decision<SecurityPlan>.Accept(None);

        var sender = EmailAddress.Of(group.EmailAddress);
        var signer = wantSign ? KeyCandidate.Best(keysByAddress.Of(sender).Where(k => k.HasPrivateKey), k => k.UsableForSigning) : null;
        // The sent copy is encrypted to the group's own key only: a key aliased to its domain stands for the customers'
        // addresses, and reading the group's mail is not what it was given for.
        var encryptTo = wantEncrypt
            ? recipients.Addresses.Select(r => KeyCandidate.Best(keysByAddress.Of(r), k => k.UsableForEncryption))
                .Append(KeyCandidate.Best(keysByAddress.Of(sender).Where(k => k.DomainAlias is null), k => k.UsableForEncryption))
                .OfType<KeyCandidate>().DistinctBy(k => Fingerprint.Of(k.Fingerprint)).ToList()
            : [];
        return Decision<SecurityPlan>.Accept(new SecurityPlan(new RequestedSecurity(type, wantSign, wantEncrypt), signer, encryptTo));
    }

    private static Rejection Impossible(SecurityOperation operation, MailSecuritySystem system, Possibility possibility) =>
        ComposeMessages.Refusal(RejectionKind.Invalid, possibility.Code, ComposeMessages.Cannot(operation, system, possibility.Message), possibility.Addresses);
}
