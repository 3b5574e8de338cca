using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>Our secret (sub)keys that a message's public-key session packets name. A key id of zero ("hidden
/// recipient", gpg --throw-keyids) names nobody, so every secret subkey we hold is tried on it: each trial is a private-key
/// operation, and a message gets at most <see cref="InboundBudget.MaxAnonymousTrials"/> of them.</summary>
internal static class PgpSecretKeys
{
    /// <summary>A session key one of our keys opens: one that names our key, else one that names nobody and opens on trial.
    /// Null when none does, with <paramref name="outOfTrials"/> set when the trials ran out before every one was tried.</summary>
    public static (PgpPublicKeyEncryptedData Data, PgpPrivateKey Key, string Fingerprint)? Match(
        PgpEncryptedDataList list, IReadOnlyList<PgpDecryptionKey> keys, CancellationToken cancellation, out bool outOfTrials)
    {
        outOfTrials = false;
        var rings = keys.Select(k => (k.Fingerprint, Ring: Ring(k.SecretKeyRing))).Where(k => k.Ring is not null).ToList();
        var sessionKeys = list.GetEncryptedDataObjects().OfType<PgpPublicKeyEncryptedData>().ToList();
        foreach (var data in sessionKeys.Where(d => d.KeyId != 0))
        {
            foreach (var (fingerprint, ring) in rings)
            {
                if (ring!.GetSecretKey(data.KeyId) is { } secret && PrivateKey(secret) is { } key)
                    return (data, key, fingerprint);
            }
        }

        var trials = 0;
        foreach (var data in sessionKeys.Where(d => d.KeyId == 0))
        {
            foreach (var (fingerprint, ring) in rings)
            {
                foreach (var secret in ring!.GetSecretKeys().Where(s => !s.IsPrivateKeyEmpty && !s.IsMasterKey))
                {
                    if (PrivateKey(secret) is not { } key)
                        continue;
                    if (trials++ == InboundBudget.MaxAnonymousTrials)
                    {
                        outOfTrials = true;
                        return null;
                    }
                    cancellation.ThrowIfCancellationRequested();
                    if (Opens(data, key))
                        return (data, key, fingerprint);
                }
            }
        }

        return null;
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
