using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

/// <summary>A newer copy of a held key, made by gpg, adds what the key's owner signed since; anything else it carries is left out.</summary>
public sealed class PgpKeyMergeTests : IDisposable
{
    private readonly Gpg _gpg = new();
    private readonly BouncyCastlePgpKeyMaterialReader _reader = new();

    public void Dispose() => _gpg.Dispose();

    [Fact]
    public void A_copy_revoked_by_gpg_revokes_the_held_key_and_keeps_its_user_ids_and_subkeys()
    {
        var (fingerprint, held) = Held("Rita <rita@example.com>");
        _gpg.RevokeKey(fingerprint);

        var merged = _reader.Merge(held, Read(_gpg.ExportPublicArmored(fingerprint)));

        Assert.False(held.Revoked);
        Assert.True(merged.Revoked);
        Assert.Equal(held.UserIds, merged.UserIds);
        Assert.Equal(held.Subkeys.Select(s => s.Fingerprint), merged.Subkeys.Select(s => s.Fingerprint));
    }

    [Fact]
    public void A_copy_without_the_held_revocation_does_not_withdraw_it()
    {
        var (fingerprint, unrevoked) = Held("Ruth <ruth@example.com>");
        _gpg.RevokeKey(fingerprint);
        var revoked = Read(_gpg.ExportPublicArmored(fingerprint));

        Assert.True(_reader.Merge(revoked, unrevoked).Revoked);
    }

    [Fact]
    public void A_new_expiry_set_by_gpg_replaces_the_held_one_for_the_key_and_its_subkeys()
    {
        var (fingerprint, held) = Held("Esther <esther@example.com>", expire: "1y");
        _gpg.SetExpiry(fingerprint, "3y", passphrase: null);
        _gpg.SetExpiry(fingerprint, "3y", subkeys: true, passphrase: null);

        var merged = _reader.Merge(held, Read(_gpg.ExportPublicArmored(fingerprint)));

        var listing = _gpg.List(fingerprint);
        Assert.NotEqual(held.ExpiresAt, merged.ExpiresAt);
        Assert.Equal(listing.ExpiresAt, merged.ExpiresAt);
        Assert.Equal(listing.Subkeys.Single().ExpiresAt, merged.Subkeys.Single().ExpiresAt);
    }

    [Fact]
    public void A_subkey_and_a_user_id_added_by_gpg_are_added_with_their_flags()
    {
        var (fingerprint, held) = Held("Sam <sam@example.com>");
        var subkey = _gpg.AddSubkey(fingerprint, "ed25519", "sign", passphrase: null);
        _gpg.AddUserId(fingerprint, "Sam at work <sam@work.example>", passphrase: null);

        var merged = _reader.Merge(held, Read(_gpg.ExportPublicArmored(fingerprint)));

        Assert.Equal(["sign"], merged.Subkeys.Single(s => s.Fingerprint == subkey).KeyFlags);
        Assert.Equal(["sam@example.com", "sam@work.example"], merged.Emails.Order());
    }

    [Fact]
    public void Signatures_the_key_did_not_make_and_someone_elses_subkey_are_left_out()
    {
        var victim = PgpTestKeys.Create("Victor", "victor@example.com");
        var attacker = PgpTestKeys.Create("Mallory", "mallory@example.com");
        var held = Read(victim.PublicKeyArmored());
        var primary = victim.PublicKeyRing.GetPublicKey();
        var forger = attacker.PrivateSigningKey();
        // One revocation names its real issuer, one claims to be the victim's own: neither verifies with the victim's key.
        var revocations = new[] { forger.KeyId, primary.KeyId }
            .Select(issuer => Sign(forger, issuer, PgpSignature.KeyRevocation, g => g.GenerateCertification(primary)));
        var userId = Sign(forger, primary.KeyId, PgpSignature.PositiveCertification, g => g.GenerateCertification("Mallory <mallory@example.com>", primary));
        var subkey = attacker.EncryptionSubkey;
        var binding = Sign(forger, primary.KeyId, PgpSignature.SubkeyBinding, g => g.GenerateCertification(primary, subkey));
        var forged = PgpPublicKey.AddCertification(revocations.Aggregate(primary, PgpPublicKey.AddCertification), "Mallory <mallory@example.com>", userId);
        var copy = PgpPublicKeyRing.InsertPublicKey(PgpPublicKeyRing.InsertPublicKey(victim.PublicKeyRing, forged),
            PgpPublicKey.AddCertification(subkey.GetKeySignatures().Aggregate(subkey, PgpPublicKey.RemoveCertification), binding));

        var merged = _reader.Merge(held, Assert.Single(_reader.ReadKeys(copy.GetEncoded(), null)).Facts);

        Assert.Equal(held.PublicKey, merged.PublicKey);
        Assert.False(merged.Revoked);
        Assert.Equal(held.UserIds, merged.UserIds);
        Assert.Equal(held.Subkeys.Select(s => s.Fingerprint), merged.Subkeys.Select(s => s.Fingerprint));
    }

    private (string Fingerprint, PgpKeyFacts Facts) Held(string userId, string expire = "never")
    {
        var fingerprint = _gpg.GenerateKey(userId, "ed25519", "sign", expire, passphrase: null);
        _gpg.AddSubkey(fingerprint, "cv25519", "encr", expire, passphrase: null);
        return (fingerprint, Read(_gpg.ExportPublicArmored(fingerprint)));
    }

    private PgpKeyFacts Read(string armored) => Assert.Single(_reader.ReadKeys(System.Text.Encoding.ASCII.GetBytes(armored), null)).Facts;

    private static PgpSignature Sign(PgpPrivateKey signer, long issuer, int type, Func<PgpSignatureGenerator, PgpSignature> generate)
    {
        var generator = new PgpSignatureGenerator(signer.PublicKeyPacket.Algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(type, signer);
        var hashed = new PgpSignatureSubpacketGenerator();
        hashed.SetSignatureCreationTime(false, DateTime.UtcNow);
        hashed.SetIssuerKeyID(false, issuer);
        generator.SetHashedSubpackets(hashed.Generate());
        return generate(generator);
    }
}
