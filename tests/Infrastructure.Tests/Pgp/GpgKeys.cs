using System.Text;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

/// <summary>Keys made by gpg once per test class, in one throwaway GNUPGHOME.</summary>
public sealed class GpgKeys : IDisposable
{
    public GpgKeys()
    {
        Gpg = new Gpg();
        Rsa = new(() => Make("Alice Rsa <Alice@Example.COM>", "rsa2048", "rsa2048", "2y", "1y"));
        Curve25519 = new(() => Make("Bob Curve <bob@example.org>", "ed25519", "cv25519", "never", "never"));
        Expired = new(() => Make("Old Key <old@example.net>", "ed25519", "cv25519", "1y", "1y", DateTimeOffset.UtcNow.AddYears(-3)));
        Revoked = new(() =>
        {
            var key = Make("Gone Key <gone@example.net>", "ed25519", "cv25519", "never", "never");
            Gpg.RevokeKey(key.Fingerprint);
            return key with { PublicArmored = Gpg.ExportPublicArmored(key.Fingerprint) };
        });
        WithRevokedUserId = new(() =>
        {
            var key = Make("Kept Name <kept@example.net>", "ed25519", "cv25519", "never", "never");
            Gpg.AddUserId(key.Fingerprint, "Dropped Name <dropped@example.net>");
            Gpg.RevokeUserId(key.Fingerprint, "Dropped Name <dropped@example.net>");
            return key with { PublicArmored = Gpg.ExportPublicArmored(key.Fingerprint) };
        });
    }

    public Gpg Gpg { get; }
    public Lazy<GpgKey> Rsa { get; }
    public Lazy<GpgKey> Curve25519 { get; }
    public Lazy<GpgKey> Expired { get; }
    public Lazy<GpgKey> Revoked { get; }
    public Lazy<GpgKey> WithRevokedUserId { get; }

    public GpgKey this[string name] => name switch
    {
        "rsa2048" => Rsa.Value,
        "ed25519/cv25519" => Curve25519.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public void Dispose() => Gpg.Dispose();

    private GpgKey Make(string userId, string primary, string sub, string expire, string subExpire, DateTimeOffset? at = null)
    {
        var fingerprint = Gpg.GenerateKey(userId, primary, "sign", expire, at: at);
        var subkey = Gpg.AddSubkey(fingerprint, sub, "encr", subExpire, at: at);
        return new GpgKey(fingerprint, subkey, Gpg.ExportPublicArmored(fingerprint), Gpg.ExportPublicBinary(fingerprint),
            Gpg.ExportSecretArmored(fingerprint));
    }
}

public sealed record GpgKey(string Fingerprint, string SubkeyFingerprint, string PublicArmored, byte[] PublicBinary, string SecretArmored)
{
    public byte[] PublicArmoredBytes => Encoding.ASCII.GetBytes(PublicArmored);
    public byte[] SecretArmoredBytes => Encoding.ASCII.GetBytes(SecretArmored);
}

[CollectionDefinition(Name)]
public sealed class GpgKeysCollection : ICollectionFixture<GpgKeys>
{
    public const string Name = "gpg keys";
}
