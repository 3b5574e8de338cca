using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace SecureMail.TestKit.Pgp;

internal static class PgpKeyRevocation
{
    public static PgpPublicKeyRing Revoke(PgpPublicKeyRing ring, PgpPrivateKey primaryPrivate)
    {
        var primary = ring.GetPublicKey();
        var generator = new PgpSignatureGenerator(primary.Algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.KeyRevocation, primaryPrivate);
        var subpackets = new PgpSignatureSubpacketGenerator();
        subpackets.SetSignatureCreationTime(false, DateTime.UtcNow);
        subpackets.SetIssuerFingerprint(false, primary);
        subpackets.SetRevocationReason(false, RevocationReasonTag.KeyCompromised, "test key revoked");
        generator.SetHashedSubpackets(subpackets.Generate());
        var revoked = PgpPublicKey.AddCertification(primary, generator.GenerateCertification(primary));
        return PgpPublicKeyRing.InsertPublicKey(ring, revoked);
    }
}
