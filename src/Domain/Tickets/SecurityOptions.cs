using SecureMail.Domain.Common;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>One finding about a button: its code, the addresses it concerns, and its sentence.</summary>
public sealed record SecurityReason(ComposeCode Code, IReadOnlyList<string> Addresses, string Message);

/// <summary>Whether a button can act, and why: every finding in <see cref="Reasons"/>; <see cref="Code"/> is the first
/// one's, <see cref="Addresses"/> every address they concern, <see cref="Message"/> all of them as one text.</summary>
public sealed record Possibility(bool Possible, ComposeCode Code, string Message, IReadOnlyList<string> Addresses, IReadOnlyList<SecurityReason> Reasons)
{
    public static Possibility Of(bool possible, IReadOnlyList<SecurityReason> reasons) =>
        new(possible, reasons[0].Code, string.Join(" ", reasons.Select(r => r.Message)), [.. reasons.SelectMany(r => r.Addresses).Distinct()], reasons);

    public static Possibility Yes(ComposeCode code, IReadOnlyList<string> addresses, string message) => Of(true, [new(code, addresses, message)]);

    public static Possibility No(ComposeCode code, IReadOnlyList<string> addresses, string message) => Of(false, [new(code, addresses, message)]);
}

public sealed record EffectiveDefaults(bool Sign, bool Encrypt);

/// <summary>What the Sign and Encrypt buttons of one system show, in the words of <see cref="ComposeMessages"/>.</summary>
public sealed record SecurityOption(MailSecuritySystem Type, Possibility Sign, Possibility Encrypt, EffectiveDefaults Defaults);

public static class SecurityOptions
{
    /// <param name="keysByAddress">Every key held for the sender and each recipient.</param>
    public static SecurityOption For(MailSecuritySystem system, Group group, EncryptionRecipients recipients, KeysByAddress keysByAddress)
    {
        var sender = EmailAddress.Of(group.EmailAddress);
        var sign = SignPossibility(system, sender, keysByAddress.Of(sender));
        var encrypt = EncryptPossibility(system, recipients, keysByAddress);
        var configured = group.DefaultsFor(system);
        return new SecurityOption(system, sign, encrypt,
            new EffectiveDefaults((configured.Sign ?? true) && sign.Possible, (configured.Encrypt ?? true) && encrypt.Possible));
    }

    public static Possibility SignPossibility(MailSecuritySystem system, EmailAddress sender, IReadOnlyList<KeyCandidate> keys)
    {
        string[] concerned = [sender];
        var withKey = keys.Where(k => k.HasPrivateKey).ToList();
        if (KeyCandidate.Best(withKey, k => k.UsableForSigning) is not null)
            return Possibility.Yes(ComposeCode.SignKeyFound, concerned, ComposeMessages.Found(system, concerned));
        if (Weak(withKey) is { } weak)
            return Possibility.No(ComposeCode.SignKeyWeak, concerned, ComposeMessages.TooWeak(system, sender, weak, SecurityOperation.Sign));
        if (withKey.Any(k => k.Expired))
            return Possibility.No(ComposeCode.SignKeyExpired, concerned, ComposeMessages.Expired(system, sender));
        return Possibility.No(ComposeCode.SignKeyMissing, concerned, ComposeMessages.NotFound(system, sender));
    }

    public static Possibility EncryptPossibility(MailSecuritySystem system, EncryptionRecipients recipients, KeysByAddress keysByAddress)
    {
        var addresses = recipients.Addresses;
        if (addresses.Count == 0)
            return Possibility.No(ComposeCode.NoRecipient, [], ComposeMessages.NoRecipient);

        var found = new List<string>();
        var expired = new List<string>();
        var missing = new List<SecurityReason>();
        var refused = new List<SecurityReason>();
        foreach (var address in addresses)
        {
            var keys = keysByAddress.Of(address);
            if (KeyCandidate.Best(keys, k => k.UsableForEncryption) is not null)
                found.Add(address);
            else if (Weak(keys) is { } weak)
                refused.Add(new(ComposeCode.RecipientKeyWeak, [address], ComposeMessages.TooWeak(system, address, weak, SecurityOperation.Encrypt)));
            else if (keys.Any(k => k.EncryptionUnsupported && !k.Expired))
                refused.Add(new(ComposeCode.RecipientKeyUnsupported, [address], ComposeMessages.EcUnsupported(address)));
            else if (keys.Any(k => k.Expired))
                expired.Add(address);
            else
                missing.Add(new(ComposeCode.RecipientKeyMissing, [address], ComposeMessages.NotFound(system, address)));
        }

        if (found.Count == addresses.Count)
            return Possibility.Yes(ComposeCode.RecipientKeysFound, found, ComposeMessages.Found(system, found));

        var reasons = new List<SecurityReason>(missing);
        if (expired.Count > 0)
            reasons.Add(new(ComposeCode.RecipientKeyExpired, expired, expired.Count == 1 && addresses.Count == 1
                ? ComposeMessages.Expired(system, expired[0])
                : ComposeMessages.SomeExpired(system, expired)));
        reasons.AddRange(refused);
        return Possibility.Of(false, reasons);
    }

    // A weak key that has also expired is reported as expired: a new key is what its owner needs either way.
    private static string? Weak(IEnumerable<KeyCandidate> keys) => keys.FirstOrDefault(k => k.Weakness is not null && !k.Expired)?.Weakness;
}
