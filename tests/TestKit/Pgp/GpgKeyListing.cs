using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureMail.TestKit.Pgp;

/// <summary>One key of gpg's colon listing (doc/DETAILS in GnuPG). Validity: u ultimate, e expired, r revoked, ...
/// Capabilities: lowercase letters are the key's own (s sign, c certify, e encrypt, a authenticate).</summary>
public sealed record GpgKeyListing(
    string Fingerprint, string KeyId, string Validity, int KeyLength, int Algorithm,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Capabilities,
    IReadOnlyList<GpgUserId> UserIds, IReadOnlyList<GpgSubkeyListing> Subkeys)
{
    public static GpgKeyListing Parse(string colons)
    {
        GpgKeyListing? key = null;
        GpgSubkeyListing? subkey = null;
        var userIds = new List<GpgUserId>();
        var subkeys = new List<GpgSubkeyListing>();
        foreach (var f in colons.Split('\n').Select(l => l.TrimEnd('\r').Split(':')))
        {
            switch (f[0])
            {
                case "pub" when key is null:
                    key = new GpgKeyListing("", f[4], f[1], int.Parse(f[2]), int.Parse(f[3]), Time(f[5])!.Value, Time(f[6]), f[11], userIds, subkeys);
                    break;
                case "sub":
                    subkey = new GpgSubkeyListing("", f[4], f[1], int.Parse(f[2]), int.Parse(f[3]), Time(f[5])!.Value, Time(f[6]), f[11]);
                    subkeys.Add(subkey);
                    break;
                case "fpr" when subkey is not null:
                    subkeys[^1] = subkey with { Fingerprint = f[9] };
                    subkey = null;
                    break;
                case "fpr" when key is { Fingerprint: "" }:
                    key = key with { Fingerprint = f[9] };
                    break;
                case "uid":
                    userIds.Add(new GpgUserId(Unescape(f[9]), f[1]));
                    break;
            }
        }

        return key ?? throw new FormatException("No 'pub' record in gpg's listing.");
    }

    private static DateTimeOffset? Time(string field) =>
        string.IsNullOrEmpty(field) ? null : DateTimeOffset.FromUnixTimeSeconds(long.Parse(field, CultureInfo.InvariantCulture));

    private static string Unescape(string field) =>
        Regex.Replace(field, @"\\x([0-9a-fA-F]{2})", m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());
}

public sealed record GpgUserId(string UserId, string Validity);

public sealed record GpgSubkeyListing(
    string Fingerprint, string KeyId, string Validity, int KeyLength, int Algorithm,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Capabilities);
