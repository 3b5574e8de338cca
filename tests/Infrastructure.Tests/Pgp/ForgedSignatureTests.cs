using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Bcpg.Sig;
using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

/// <summary>Anyone can append packets to someone's public key: only signatures made by the key itself count.</summary>
public sealed class ForgedSignatureTests
{
    private static readonly PgpTestKey Victim = PgpTestKeys.Create("Victor", "victor@example.com");
    private static readonly PgpTestKey Attacker = PgpTestKeys.Create("Mallory", "mallory@example.com");
    private readonly BouncyCastlePgpKeyMaterialReader _reader = new();

    [Fact]
    public void A_user_id_certified_by_another_key_is_left_out()
    {
        var forged = PgpPublicKey.AddCertification(Victim.PublicKeyRing.GetPublicKey(), "Mallory <mallory@example.com>",
            Sign(Attacker.PrivateSigningKey(), PgpSignature.PositiveCertification,
                g => g.GenerateCertification("Mallory <mallory@example.com>", Victim.PublicKeyRing.GetPublicKey())));

        var facts = Read(PgpPublicKeyRing.InsertPublicKey(Victim.PublicKeyRing, forged));

        Assert.Equal([Victim.UserId], facts.UserIds);
        Assert.Equal(["victor@example.com"], facts.Emails);
    }

    [Fact]
    public void A_self_signature_over_other_data_does_not_certify_a_user_id()
    {
        var primary = Victim.PublicKeyRing.GetPublicKey();
        var forged = PgpPublicKey.AddCertification(primary, "Mallory <mallory@example.com>",
            Sign(Victim.PrivateSigningKey(), PgpSignature.PositiveCertification, g => g.GenerateCertification(Victim.UserId, primary)));

        var facts = Read(PgpPublicKeyRing.InsertPublicKey(Victim.PublicKeyRing, forged));

        Assert.Equal([Victim.UserId], facts.UserIds);
    }

    [Fact]
    public void A_revocation_by_another_key_does_not_revoke()
    {
        var primary = Victim.PublicKeyRing.GetPublicKey();
        var forged = PgpPublicKey.AddCertification(primary,
            Sign(Attacker.PrivateSigningKey(), PgpSignature.KeyRevocation, g => g.GenerateCertification(primary)));

        Assert.False(Read(PgpPublicKeyRing.InsertPublicKey(Victim.PublicKeyRing, forged)).Revoked);
    }

    [Fact]
    public void Someone_elses_subkey_attached_to_a_key_has_no_flags()
    {
        var ring = PgpPublicKeyRing.InsertPublicKey(Victim.PublicKeyRing, Attacker.EncryptionSubkey);

        var subkey = Read(ring).Subkeys.Single(s => s.Fingerprint == Attacker.EncryptionSubkeyFingerprint);

        Assert.Empty(subkey.KeyFlags);
    }

    [Fact]
    public void A_signing_subkey_counts_only_with_its_back_signature()
    {
        var primary = Victim.PublicKeyRing.GetPublicKey();
        var subkey = Attacker.EncryptionSubkey;
        var bare = subkey.GetSignatures().Aggregate(subkey, PgpPublicKey.RemoveCertification);
        var backSignature = Sign(Attacker.PrivateEncryptionKey(), PgpSignature.PrimaryKeyBinding,
            g => g.GenerateCertification(primary, subkey));

        PgpKeyFacts WithBinding(PgpSignature? embedded)
        {
            var binding = Sign(Victim.PrivateSigningKey(), PgpSignature.SubkeyBinding,
                g => g.GenerateCertification(primary, subkey),
                s =>
                {
                    s.SetKeyFlags(false, KeyFlags.SignData);
                    if (embedded is not null)
                        s.AddEmbeddedSignature(false, embedded);
                });
            return Read(PgpPublicKeyRing.InsertPublicKey(Victim.PublicKeyRing, PgpPublicKey.AddCertification(bare, binding)));
        }

        Assert.Empty(WithBinding(null).Subkeys.Single(s => s.KeyId == subkey.KeyId.ToString("X16")).KeyFlags);
        Assert.Equal(["sign"], WithBinding(backSignature).Subkeys.Single(s => s.KeyId == subkey.KeyId.ToString("X16")).KeyFlags);
    }

    private PgpKeyFacts Read(PgpPublicKeyRing ring) => Assert.Single(_reader.ReadKeys(ring.GetEncoded(), null)).Facts;

    private static PgpSignature Sign(PgpPrivateKey signer, int type, Func<PgpSignatureGenerator, PgpSignature> generate,
        Action<PgpSignatureSubpacketGenerator>? subpackets = null)
    {
        var generator = new PgpSignatureGenerator(signer.PublicKeyPacket.Algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(type, signer);
        var hashed = new PgpSignatureSubpacketGenerator();
        hashed.SetSignatureCreationTime(false, DateTime.UtcNow);
        hashed.SetIssuerKeyID(false, signer.KeyId);
        subpackets?.Invoke(hashed);
        generator.SetHashedSubpackets(hashed.Generate());
        return generate(generator);
    }
}
