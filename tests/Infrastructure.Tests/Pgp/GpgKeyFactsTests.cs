using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

[Collection(GpgKeysCollection.Name)]
public sealed class GpgKeyFactsTests(GpgKeys keys)
{
    private readonly BouncyCastlePgpKeyMaterialReader _reader = new();

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void Facts_of_a_gpg_key_are_what_gpg_reports(string kind)
    {
        var key = keys[kind];
        var listing = keys.Gpg.List(key.Fingerprint);

        var facts = Assert.Single(_reader.ReadKeys(key.PublicArmoredBytes, null)).Facts;

        Assert.Equal(listing.Fingerprint, facts.Fingerprint);
        Assert.Equal(listing.KeyId, facts.KeyId);
        Assert.Equal(listing.UserIds.Select(u => u.UserId), facts.UserIds);
        Assert.Equal(listing.UserIds.Select(u => EmailOf(u.UserId)), facts.Emails);
        Assert.Equal(listing.CreatedAt, facts.CreatedAt);
        Assert.Equal(listing.ExpiresAt, facts.ExpiresAt);
        Assert.False(facts.Revoked);
        Assert.Equal(AlgorithmName(listing.Algorithm), facts.Algorithm);
        Assert.Equal(listing.KeyLength, facts.KeySize);
        Assert.Equal(OwnCapabilities(listing.Capabilities), Capabilities(facts.KeyFlags));

        var gpgSubkey = Assert.Single(listing.Subkeys);
        var subkey = Assert.Single(facts.Subkeys);
        Assert.Equal(key.SubkeyFingerprint, subkey.Fingerprint);
        Assert.Equal(gpgSubkey.Fingerprint, subkey.Fingerprint);
        Assert.Equal(gpgSubkey.KeyId, subkey.KeyId);
        Assert.Equal(AlgorithmName(gpgSubkey.Algorithm), subkey.Algorithm);
        Assert.Equal(gpgSubkey.KeyLength, subkey.KeySize);
        Assert.Equal(gpgSubkey.CreatedAt, subkey.CreatedAt);
        Assert.Equal(gpgSubkey.ExpiresAt, subkey.ExpiresAt);
        Assert.Equal("e", OwnCapabilities(gpgSubkey.Capabilities));
        Assert.Equal("e", Capabilities(subkey.KeyFlags));
        Assert.False(subkey.Revoked);
    }

    [Fact]
    public void Email_is_lowercased_and_expiry_is_read_from_the_self_signature()
    {
        var facts = Assert.Single(_reader.ReadKeys(keys.Rsa.Value.PublicArmoredBytes, null)).Facts;

        Assert.Equal(["Alice Rsa <Alice@Example.COM>"], facts.UserIds);
        Assert.Equal(["alice@example.com"], facts.Emails);
        Assert.NotNull(facts.ExpiresAt);
        Assert.InRange(facts.ExpiresAt.Value - facts.CreatedAt, TimeSpan.FromDays(729), TimeSpan.FromDays(732));
        Assert.Equal(["certify", "sign"], facts.KeyFlags);
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519/cv25519")]
    public void Binary_and_armored_input_give_the_same_facts(string kind)
    {
        var key = keys[kind];

        var armored = Assert.Single(_reader.ReadKeys(key.PublicArmoredBytes, null)).Facts;
        var binary = Assert.Single(_reader.ReadKeys(key.PublicBinary, null)).Facts;

        Assert.Equivalent(armored, binary, strict: true);
        Assert.Equal(key.PublicBinary, Convert.FromBase64String(binary.PublicKey));
    }

    [Fact]
    public void An_expired_key_has_its_past_expiry()
    {
        var key = keys.Expired.Value;
        var listing = keys.Gpg.List(key.Fingerprint);

        var facts = Assert.Single(_reader.ReadKeys(key.PublicArmoredBytes, null)).Facts;

        Assert.Equal("e", listing.Validity);
        Assert.Equal(listing.ExpiresAt, facts.ExpiresAt);
        Assert.True(facts.ExpiresAt < DateTimeOffset.UtcNow);
        Assert.Equal(listing.Subkeys[0].ExpiresAt, facts.Subkeys[0].ExpiresAt);
    }

    [Fact]
    public void A_key_revoked_with_gpg_is_revoked()
    {
        var key = keys.Revoked.Value;

        var facts = Assert.Single(_reader.ReadKeys(key.PublicArmoredBytes, null)).Facts;

        Assert.Equal("r", keys.Gpg.List(key.Fingerprint).Validity);
        Assert.True(facts.Revoked);
        Assert.Equal(["Gone Key <gone@example.net>"], facts.UserIds);
    }

    [Fact]
    public void A_revoked_user_id_is_left_out()
    {
        var key = keys.WithRevokedUserId.Value;
        var listing = keys.Gpg.List(key.Fingerprint);

        var facts = Assert.Single(_reader.ReadKeys(key.PublicArmoredBytes, null)).Facts;

        Assert.Contains(listing.UserIds, u => u is { UserId: "Dropped Name <dropped@example.net>", Validity: "r" });
        Assert.Equal(["Kept Name <kept@example.net>"], facts.UserIds);
        Assert.Equal(["kept@example.net"], facts.Emails);
        Assert.False(facts.Revoked);
    }

    [Fact]
    public void Several_keys_in_one_input_each_give_their_facts()
    {
        var (rsa, curve) = (keys.Rsa.Value, keys.Curve25519.Value);
        var twoArmorBlocks = System.Text.Encoding.ASCII.GetBytes(rsa.PublicArmored + "\n" + curve.PublicArmored);
        var oneArmorBlock = System.Text.Encoding.ASCII.GetBytes(keys.Gpg.ExportPublicArmored(rsa.Fingerprint, curve.Fingerprint));
        var binary = rsa.PublicBinary.Concat(curve.PublicBinary).ToArray();

        foreach (var input in new[] { twoArmorBlocks, oneArmorBlock, binary })
        {
            var read = _reader.ReadKeys(input, null);
            Assert.Equal(new[] { rsa.Fingerprint, curve.Fingerprint }.Order(), read.Select(k => k.Facts.Fingerprint).Order());
            Assert.All(read, k => Assert.Null(k.SecretKeyRing));
        }
    }

    [Fact]
    public void Signing_subkeys_made_by_gpg_keep_their_sign_flag()
    {
        var fingerprint = keys.Gpg.GenerateKey("Sub Signer <subsigner@example.net>", "ed25519", "cert", "never");
        keys.Gpg.AddSubkey(fingerprint, "ed25519", "sign");
        keys.Gpg.AddSubkey(fingerprint, "rsa2048", "sign,auth");
        var listing = keys.Gpg.List(fingerprint);

        var facts = Assert.Single(_reader.ReadKeys(keys.Gpg.ExportPublicBinary(fingerprint), null)).Facts;

        Assert.Equal(["certify"], facts.KeyFlags);
        Assert.Equal(listing.Subkeys.Select(s => (s.Fingerprint, OwnCapabilities(s.Capabilities))),
            facts.Subkeys.Select(s => (s.Fingerprint, Capabilities(s.KeyFlags))));
        Assert.Equal(["sign", "authenticate"], facts.Subkeys[1].KeyFlags);
    }

    private static string EmailOf(string userId) => userId[(userId.IndexOf('<') + 1)..^1].ToLowerInvariant();

    // gpg's public key algorithm numbers (RFC 4880 §9.1).
    private static string AlgorithmName(int algorithm) => algorithm switch
    {
        1 => "RSA",
        18 => "ECDH",
        22 => "EdDSA",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    private static string OwnCapabilities(string gpgCapabilities) =>
        new(gpgCapabilities.Where(char.IsLower).Order().ToArray());

    private static string Capabilities(IReadOnlyList<string> keyFlags) =>
        new(keyFlags.Select(f => f switch
        {
            "certify" => 'c',
            "sign" => 's',
            "encryptCommunications" or "encryptStorage" => 'e',
            "authenticate" => 'a',
            _ => '?',
        }).Distinct().Order().ToArray());
}
