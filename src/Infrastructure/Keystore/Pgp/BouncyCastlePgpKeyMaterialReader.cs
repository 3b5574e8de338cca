using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Domain.Keystore;

namespace SecureMail.Infrastructure.Keystore.Pgp;

public sealed class BouncyCastlePgpKeyMaterialReader : IPgpKeyMaterialReader
{
    public IReadOnlyList<PgpKeyMaterial> ReadKeys(byte[] data, string? passphrase, CancellationToken cancellation = default)
    {
        try
        {
            var rings = PgpKeyRings.Read(data);
            S2kWork.EnsureAffordable(rings.OfType<PgpSecretKeyRing>().SelectMany(ring => ring.GetSecretKeys()));
            return rings.Select(ring => ring switch
            {
                PgpSecretKeyRing secret => new PgpKeyMaterial(
                    PgpKeyFactsReader.Read(PgpKeyRings.PublicPartOf(secret)),
                    PgpSecretKeyUnlocker.Unprotect(secret, passphrase, cancellation)),
                PgpPublicKeyRing pub => new PgpKeyMaterial(PgpKeyFactsReader.Read(pub), null),
                _ => throw new InvalidOperationException("Not a key ring."),
            }).ToList();
        }
        catch (Exception e) when (e is not (KeyMaterialRejected or OperationCanceledException))
        {
            throw Unreadable();
        }
    }

    public PgpKeyFacts Merge(PgpKeyFacts held, PgpKeyFacts copy)
    {
        try
        {
            return PgpKeyFactsReader.Read(PgpKeyMerge.Merge(Ring(held), Ring(copy)));
        }
        catch (Exception e) when (e is not KeyMaterialRejected)
        {
            throw Unreadable();
        }
    }

    private static PgpPublicKeyRing Ring(PgpKeyFacts key) => new(Convert.FromBase64String(key.PublicKey));

    // BouncyCastle's messages are not written for admins; hostile input must not surface its internals.
    private static KeyMaterialRejected Unreadable() => new(KeyMaterialProblem.Unreadable,
        "The data is not a readable OpenPGP key: it is damaged, truncated or malformed.");
}
