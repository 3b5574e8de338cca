using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Pgp;

namespace SecureMail.Infrastructure.Keystore.Pgp;

public sealed class BouncyCastlePgpKeyMaterialReader : IPgpKeyMaterialReader
{
    public IReadOnlyList<PgpKeyMaterial> ReadKeys(byte[] data, string? passphrase)
    {
        try
        {
            return PgpKeyRings.Read(data).Select(ring => ring switch
            {
                PgpSecretKeyRing secret => new PgpKeyMaterial(
                    PgpKeyFactsReader.Read(PgpKeyRings.PublicPartOf(secret)),
                    PgpSecretKeyUnlocker.Unprotect(secret, passphrase)),
                PgpPublicKeyRing pub => new PgpKeyMaterial(PgpKeyFactsReader.Read(pub), null),
                _ => throw new InvalidOperationException("Not a key ring."),
            }).ToList();
        }
        catch (KeyMaterialRejected)
        {
            throw;
        }
        catch (Exception)
        {
            // BouncyCastle's messages are not written for admins; hostile input must not surface its internals.
            throw new KeyMaterialRejected(KeyMaterialProblem.Unreadable,
                "The data is not a readable OpenPGP key: it is damaged, truncated or malformed.");
        }
    }
}
