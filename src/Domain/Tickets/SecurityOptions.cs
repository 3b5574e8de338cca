using SecureMail.Domain.Groups;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

public sealed record Possibility(bool Possible, string Message);

public sealed record EffectiveDefaults(bool Sign, bool Encrypt);

/// <summary>What the Sign and Encrypt buttons of one system show, in the words of docs/messages.md#compose.</summary>
public sealed record SecurityOption(MailSecuritySystem Type, Possibility Sign, Possibility Encrypt, EffectiveDefaults Defaults);

public static class SecurityOptions
{
    /// <param name="keysByAddress">Every key held for the sender and each recipient, by lowercased address.</param>
    public static SecurityOption For(MailSecuritySystem system, Group group, EncryptionRecipients recipients,
        IReadOnlyDictionary<string, IReadOnlyList<KeyCandidate>> keysByAddress)
    {
        var sign = SignPossibility(system, group.EmailAddress, KeysOf(keysByAddress, group.EmailAddress));
        var encrypt = EncryptPossibility(system, recipients, keysByAddress);
        var configured = group.DefaultsFor(system);
        return new SecurityOption(system, sign, encrypt,
            new EffectiveDefaults((configured.Sign ?? true) && sign.Possible, (configured.Encrypt ?? true) && encrypt.Possible));
    }

    public static Possibility SignPossibility(MailSecuritySystem system, string sender, IReadOnlyList<KeyCandidate> keys)
    {
        var words = Words.Of(system);
        var withKey = keys.Where(k => k.HasPrivateKey).ToList();
        if (KeyCandidate.Best(withKey, k => k.UsableForSigning) is not null)
            return new(true, $"The {words.One} for {sender} was found.");
        if (Weak(withKey) is { } weak)
            return new(false, $"The {words.One} for {sender} has {weak}, too weak to sign with.");
        if (withKey.Any(k => k.Expired))
            return new(false, $"The {words.One} for {sender} was found, but has expired.");
        return new(false, $"The {words.One} for {sender} was not found.");
    }

    public static Possibility EncryptPossibility(MailSecuritySystem system, EncryptionRecipients recipients,
        IReadOnlyDictionary<string, IReadOnlyList<KeyCandidate>> keysByAddress)
    {
        var words = Words.Of(system);
        var addresses = recipients.Addresses;
        if (addresses.Count == 0)
            return new(false, "There was no recipient found.");

        var found = new List<string>();
        var expired = new List<string>();
        var missing = new List<string>();
        var refused = new List<string>();
        foreach (var address in addresses)
        {
            var keys = KeysOf(keysByAddress, address);
            if (KeyCandidate.Best(keys, k => k.UsableForEncryption) is not null)
                found.Add(address);
            else if (Weak(keys) is { } weak)
                refused.Add($"The {words.One} for {address} has {weak}, too weak to encrypt to.");
            else if (keys.FirstOrDefault(k => k.Refusal is not null && !k.Expired) is { } refusal)
                refused.Add(refusal.Refusal!);
            else if (keys.Any(k => k.Expired))
                expired.Add(address);
            else
                missing.Add(address);
        }

        if (found.Count == addresses.Count)
            return new(true, found.Count == 1
                ? $"The {words.One} for {found[0]} was found."
                : $"The {words.Many} for {string.Join(", ", found)} were found.");

        var reasons = new List<string>();
        reasons.AddRange(missing.Select(a => $"The {words.One} for {a} was not found."));
        if (expired.Count == 1 && addresses.Count == 1)
            reasons.Add($"The {words.One} for {expired[0]} was found, but has expired.");
        else if (expired.Count > 0)
            reasons.Add($"There were {words.Many} found for {string.Join(", ", expired)}, but at least one of them has expired.");
        reasons.AddRange(refused);
        return new(false, string.Join(" ", reasons));
    }

    // A weak key that has also expired is reported as expired: a new key is what its owner needs either way.
    private static string? Weak(IEnumerable<KeyCandidate> keys) => keys.FirstOrDefault(k => k.Weakness is not null && !k.Expired)?.Weakness;

    private static IReadOnlyList<KeyCandidate> KeysOf(IReadOnlyDictionary<string, IReadOnlyList<KeyCandidate>> keys, string address) =>
        keys.TryGetValue(address.Trim().ToLowerInvariant(), out var found) ? found : [];

    private sealed record Words(string One, string Many)
    {
        public static Words Of(MailSecuritySystem system) =>
            system == MailSecuritySystem.SMIME ? new("certificate", "certificates") : new("PGP key", "PGP keys");
    }
}
