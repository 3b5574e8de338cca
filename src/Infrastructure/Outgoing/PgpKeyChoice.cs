using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Bcpg.Sig;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;
using SecureMail.Infrastructure.Keys;
using SecureMail.Infrastructure.Keystore.Pgp;
using static SecureMail.Infrastructure.Outgoing.SecurityGuard;

namespace SecureMail.Infrastructure.Outgoing;

internal sealed record PgpSigningKey(PgpPublicKey PublicKey, PgpPrivateKey PrivateKey)
{
    public string Fingerprint => Convert.ToHexString(PublicKey.GetFingerprint());
}

/// <summary>Picks the (sub)key for an operation the way gpg does: by the key flags of its verified self-signature
/// or subkey binding (RFC 4880 §5.2.3.21), skipping revoked and expired keys, newest subkey first, the primary key
/// last. BouncyCastle's IsEncryptionKey looks only at the algorithm.</summary>
internal static class PgpKeyChoice
{
    public static PgpSigningKey SigningKey(PgpSigner signer, DateTimeOffset at)
    {
        KeyFailure Signing(KeyProblem problem) => new(SecurityOperation.Sign, MailSecuritySystem.PGP, problem, signer.Fingerprint);
        var ring = Run(Signing(KeyProblem.Unreadable), () => new PgpSecretKeyRing(signer.SecretKeyRing));
        var publicKey = Choose(Signing, ring.GetPublicKey(), ring.GetSecretKeys().Select(k => k.PublicKey), KeyFlags.SignData, at);

        var secret = ring.GetSecretKey(publicKey.KeyId);
        if (secret is null || secret.IsPrivateKeyEmpty)
            throw Failed(Signing(KeyProblem.NoSecretPart));
        var privateKey = Run(Signing(KeyProblem.Locked), () => ParsedKeys.PgpPrivateKey(secret));
        return new PgpSigningKey(publicKey, privateKey);
    }

    public static PgpPublicKey EncryptionKey(PgpRecipient recipient, DateTimeOffset at)
    {
        KeyFailure Encrypting(KeyProblem problem) => new(SecurityOperation.Encrypt, MailSecuritySystem.PGP, problem, recipient.Fingerprint, recipient.Email);
        var ring = Run(Encrypting(KeyProblem.Unreadable),
            () => new PgpPublicKeyRing(PgpUtilities.GetDecoderStream(new MemoryStream(recipient.PublicKeyRing, writable: false))));
        return Choose(Encrypting, ring.GetPublicKey(), ring.GetPublicKeys(), KeyFlags.EncryptComms | KeyFlags.EncryptStorage, at);
    }

    private static PgpPublicKey Choose(Func<KeyProblem, KeyFailure> failure, PgpPublicKey primary, IEnumerable<PgpPublicKey> keys, int wanted,
        DateTimeOffset at)
    {
        var selfSignature = PrimarySelfSignature(primary);
        if (PgpSelfSignatures.IsKeyRevoked(primary))
            throw Failed(failure(KeyProblem.Revoked));
        if (selfSignature is null)
            throw Failed(failure(KeyProblem.NoSelfSignature));
        if (Expired(primary, selfSignature, at))
            throw Failed(failure(KeyProblem.Expired));

        var subkey = keys.Where(k => !k.IsMasterKey)
            .Where(k => UsableSubkey(primary, k, wanted, at))
            .MaxBy(k => k.CreationTime);
        if (subkey is not null)
            return subkey;
        if (Allows(selfSignature, primary, wanted))
            return primary;
        throw Failed(failure(KeyProblem.NoUsableKey));
    }

    private static bool UsableSubkey(PgpPublicKey primary, PgpPublicKey subkey, int wanted, DateTimeOffset at)
    {
        var binding = PgpSelfSignatures.LatestBinding(primary, subkey);
        return binding is not null
            && Allows(binding, subkey, wanted)
            && (wanted != KeyFlags.SignData || PgpSelfSignatures.HasValidBackSignature(binding, primary, subkey))
            && !PgpSelfSignatures.IsSubkeyRevoked(primary, subkey)
            && !Expired(subkey, binding, at);
    }

    /// <summary>Without a key flags subpacket (keys older than RFC 4880) the algorithm decides, as in gpg.</summary>
    private static bool Allows(PgpSignature selfSignature, PgpPublicKey key, int wanted)
    {
        var subpackets = selfSignature.GetHashedSubPackets();
        if (subpackets is not null && subpackets.HasSubpacket(SignatureSubpacketTag.KeyFlags))
            return (subpackets.GetKeyFlags() & wanted) != 0;
        return wanted == KeyFlags.SignData ? CanSign(key.Algorithm) : key.IsEncryptionKey;
    }

    private static bool CanSign(PublicKeyAlgorithmTag algorithm) => algorithm is PublicKeyAlgorithmTag.RsaGeneral
        or PublicKeyAlgorithmTag.RsaSign or PublicKeyAlgorithmTag.Dsa or PublicKeyAlgorithmTag.ECDsa
        or PublicKeyAlgorithmTag.EdDsa_Legacy or PublicKeyAlgorithmTag.Ed25519 or PublicKeyAlgorithmTag.Ed448;

    private static PgpSignature? PrimarySelfSignature(PgpPublicKey primary) =>
        primary.GetUserIds()
            .Select(id => PgpSelfSignatures.CurrentCertification(primary, id))
            .OfType<PgpSignature>()
            .MaxBy(s => s.CreationTime)
        ?? PgpSelfSignatures.LatestDirectKeySignature(primary);

    /// <summary>Key expiration time counts seconds from the key's creation (RFC 4880 §5.2.3.6); 0 means never.</summary>
    private static bool Expired(PgpPublicKey key, PgpSignature selfSignature, DateTimeOffset at)
    {
        var subpackets = selfSignature.GetHashedSubPackets();
        if (subpackets is null || !subpackets.HasSubpacket(SignatureSubpacketTag.KeyExpireTime))
            return false;
        var seconds = subpackets.GetKeyExpirationTime();
        return seconds > 0 && DateTime.SpecifyKind(key.CreationTime, DateTimeKind.Utc).AddSeconds(seconds) <= at.UtcDateTime;
    }
}
