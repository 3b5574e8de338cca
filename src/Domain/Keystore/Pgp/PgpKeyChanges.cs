namespace SecureMail.Domain.Keystore.Pgp;

/// <summary>What a newer copy changed about a held key, in the words the key's history shows.</summary>
public static class PgpKeyChanges
{
    /// <param name="merged">The held key with everything the copy added; a merge only adds, so nothing here is taken away
    /// except what a newer revocation withdraws.</param>
    public static IReadOnlyList<string> Between(PgpKeyFacts held, PgpKeyFacts merged)
    {
        var changes = new List<string>();
        if (merged.Revoked && !held.Revoked)
            changes.Add("revoked");
        if (merged.ExpiresAt != held.ExpiresAt)
            changes.Add($"expiry {Date(held.ExpiresAt)} -> {Date(merged.ExpiresAt)}");
        if (!merged.KeyFlags.SequenceEqual(held.KeyFlags))
            changes.Add($"key flags {Flags(held.KeyFlags)} -> {Flags(merged.KeyFlags)}");
        changes.AddRange(merged.UserIds.Except(held.UserIds).Select(id => $"user ID {id} added"));
        changes.AddRange(held.UserIds.Except(merged.UserIds).Select(id => $"user ID {id} revoked"));
        foreach (var subkey in merged.Subkeys)
            changes.AddRange(SubkeyChanges(held.Subkeys.FirstOrDefault(s => s.Fingerprint == subkey.Fingerprint), subkey));
        return changes;
    }

    private static IEnumerable<string> SubkeyChanges(PgpSubkeyFacts? held, PgpSubkeyFacts merged)
    {
        var name = $"subkey {merged.Fingerprint}";
        if (held is null)
        {
            yield return $"{name} added";
            yield break;
        }
        if (merged.Revoked && !held.Revoked)
            yield return $"{name} revoked";
        if (merged.ExpiresAt != held.ExpiresAt)
            yield return $"{name} expiry {Date(held.ExpiresAt)} -> {Date(merged.ExpiresAt)}";
        if (!merged.KeyFlags.SequenceEqual(held.KeyFlags))
            yield return $"{name} key flags {Flags(held.KeyFlags)} -> {Flags(merged.KeyFlags)}";
    }

    private static string Date(DateTimeOffset? at) => at is { } time ? time.ToString("u") : "never";

    private static string Flags(IReadOnlyList<string> flags) => flags.Count == 0 ? "none" : string.Join(",", flags);
}
