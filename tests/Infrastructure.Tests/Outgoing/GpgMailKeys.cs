using System.Text;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>People with keys made by gpg, each in their own GNUPGHOME (so that decrypting proves that this
/// person's key works), every home knowing everyone's public key. The composer gets the secret key the way the
/// vault holds it: read with its passphrase by the keystore's reader, which returns it unprotected.</summary>
public sealed class GpgMailKeys : IDisposable
{
    private readonly List<Gpg> _homes = [];

    public GpgMailKeys()
    {
        Rsa = Person("Alice Rsa <alice@example.com>", gpg =>
        {
            var primary = gpg.GenerateKey("Alice Rsa <alice@example.com>", "rsa2048", "sign");
            return (primary, primary, gpg.AddSubkey(primary, "rsa2048", "encr"));
        });
        Curve25519 = Person("Bob Curve <bob@example.org>", gpg =>
        {
            var primary = gpg.GenerateKey("Bob Curve <bob@example.org>", "ed25519", "sign");
            return (primary, primary, gpg.AddSubkey(primary, "cv25519", "encr"));
        });
        SigningSubkey = Person("Carol Subkeys <carol@example.net>", gpg =>
        {
            var primary = gpg.GenerateKey("Carol Subkeys <carol@example.net>", "ed25519", "cert");
            return (primary, gpg.AddSubkey(primary, "ed25519", "sign"), gpg.AddSubkey(primary, "cv25519", "encr"));
        });
        ExpiredSubkey = Person("Dave Renewed <dave@example.net>", gpg =>
        {
            var past = DateTimeOffset.UtcNow.AddYears(-3);
            var primary = gpg.GenerateKey("Dave Renewed <dave@example.net>", "ed25519", "sign", "never", at: past);
            gpg.AddSubkey(primary, "cv25519", "encr", "1y", at: past);
            return (primary, primary, gpg.AddSubkey(primary, "cv25519", "encr"));
        });
        RsaSignOnly = Person("Erin Signs <erin@example.org>", gpg =>
        {
            var primary = gpg.GenerateKey("Erin Signs <erin@example.org>", "rsa2048", "sign");
            return (primary, primary, "");
        });

        var everyone = new[] { Rsa, Curve25519, SigningSubkey, ExpiredSubkey, RsaSignOnly };
        foreach (var home in everyone)
            foreach (var other in everyone.Where(o => o != home))
                home.Gpg.Run(other.PublicKeyRing, "--import");
    }

    public GpgMailKey Rsa { get; }
    public GpgMailKey Curve25519 { get; }
    public GpgMailKey SigningSubkey { get; }
    public GpgMailKey ExpiredSubkey { get; }

    /// <summary>RSA can encrypt, but the key flags of this key allow only signing and certifying.</summary>
    public GpgMailKey RsaSignOnly { get; }

    public GpgMailKey this[string name] => name switch
    {
        "rsa2048" => Rsa,
        "ed25519/cv25519" => Curve25519,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public void Dispose()
    {
        foreach (var home in _homes)
            home.Dispose();
    }

    private GpgMailKey Person(string userId, Func<Gpg, (string Primary, string Signing, string Encryption)> make)
    {
        var gpg = new Gpg();
        _homes.Add(gpg);
        var (primary, signing, encryption) = make(gpg);
        var secret = Encoding.ASCII.GetBytes(gpg.ExportSecretArmored(primary));
        var material = Assert.Single(new BouncyCastlePgpKeyMaterialReader().ReadKeys(secret, Gpg.DefaultPassphrase));
        var email = userId[(userId.IndexOf('<') + 1)..^1];
        return new GpgMailKey(gpg, email, primary, signing, encryption, gpg.ExportPublicBinary(primary), material.SecretKeyRing!);
    }
}

public sealed record GpgMailKey(
    Gpg Gpg, string Email, string Fingerprint, string SigningFingerprint, string EncryptionFingerprint,
    byte[] PublicKeyRing, byte[] SecretKeyRing)
{
    public PgpSigner Signer => new(Fingerprint, SecretKeyRing);
    public PgpRecipient Recipient => new(Email, Fingerprint, PublicKeyRing);
    public string EncryptionKeyId => EncryptionFingerprint[^16..];
}

[CollectionDefinition(Name)]
public sealed class GpgMailKeysCollection : ICollectionFixture<GpgMailKeys>
{
    public const string Name = "gpg mail keys";
}
