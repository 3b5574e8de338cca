using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>Our secret (sub)keys that a message's public-key session packets name. A key id of zero ("hidden
/// recipient", gpg --throw-keyids) names nobody, so every secret key we hold is a candidate.</summary>
internal static class PgpSecretKeys
{
    public static IReadOnlyList<(PgpPublicKeyEncryptedData Data, PgpPrivateKey Key, string Fingerprint)> Match(
        PgpEncryptedDataList list, IReadOnlyList<PgpDecryptionKey> keys)
    {
        var rings = keys.Select(k => (k.Fingerprint, Ring: Ring(k.SecretKeyRing))).Where(k => k.Ring is not null).ToList();
        var matches = new List<(PgpPublicKeyEncryptedData, PgpPrivateKey, string)>();
        foreach (var data in list.GetEncryptedDataObjects().OfType<PgpPublicKeyEncryptedData>())
        {
            foreach (var (fingerprint, ring) in rings)
            {
                var secrets = data.KeyId == 0
                    ? ring!.GetSecretKeys().Where(s => !s.IsPrivateKeyEmpty && !s.IsMasterKey)
                    : new[] { ring!.GetSecretKey(data.KeyId) }.OfType<PgpSecretKey>();
                foreach (var secret in secrets)
                {
                    if (PrivateKey(secret) is { } key && (data.KeyId != 0 || Opens(data, key)))
                        matches.Add((data, key, fingerprint));
                }
            }
        }

        return matches;
    }

    private static bool Opens(PgpPublicKeyEncryptedData data, PgpPrivateKey key)
    {
        try
        {
            data.GetSymmetricAlgorithm(key);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static PgpPrivateKey? PrivateKey(PgpSecretKey secret)
    {
        try
        {
            return secret.IsPrivateKeyEmpty ? null : ParsedKeys.PgpPrivateKey(secret);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static PgpSecretKeyRing? Ring(byte[] data)
    {
        try
        {
            return new PgpSecretKeyRing(PgpUtilities.GetDecoderStream(new MemoryStream(data, writable: false)));
        }
        catch (Exception)
        {
            return null;
        }
    }
}
