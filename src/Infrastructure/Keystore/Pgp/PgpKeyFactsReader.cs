using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Keystore;
using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Algorithms;

namespace SecureMail.Infrastructure.Keystore.Pgp;

/// <summary>Reads <see cref="PgpKeyFacts"/> from a transferable public key, believing only verified self-signatures.</summary>
internal static class PgpKeyFactsReader
{
    public static PgpKeyFacts Read(PgpPublicKeyRing ring)
    {
        var primary = ring.GetPublicKey();
        if (primary.Version != 4)
            throw new KeyMaterialRejected(KeyMaterialProblem.Unsupported,
                $"OpenPGP version {primary.Version} keys are not supported; only version 4 keys are.");
        var algorithm = PgpAlgorithms.Name(primary.Algorithm)
            ?? throw new KeyMaterialRejected(KeyMaterialProblem.Unsupported,
                $"The key algorithm ({(int)primary.Algorithm}) is not supported.");

        var certified = primary.GetUserIds()
            .Select(id => (Id: id, Certification: PgpSelfSignatures.CurrentCertification(primary, id)))
            .Where(u => u.Certification is not null)
            .ToList();
        var selfSignature = certified.Select(u => u.Certification).MaxBy(s => s!.CreationTime)
            ?? PgpSelfSignatures.LatestDirectKeySignature(primary);
        var userIds = certified.Select(u => u.Id).Distinct().ToList();

        return new PgpKeyFacts(
            Fingerprint: Convert.ToHexString(primary.GetFingerprint()),
            KeyId: primary.KeyId.ToString("X16"),
            UserIds: userIds,
            Emails: userIds.Select(PgpUserIdEmail.Of).OfType<string>().Distinct().ToList(),
            CreatedAt: Utc(primary.CreationTime),
            ExpiresAt: ExpiresAt(primary, selfSignature),
            Revoked: PgpSelfSignatures.IsKeyRevoked(primary),
            Algorithm: algorithm,
            KeySize: PgpAlgorithms.KeySize(primary),
            KeyFlags: PgpAlgorithms.KeyFlagNames(selfSignature),
            Subkeys: ring.GetPublicKeys().Where(k => !k.IsMasterKey).Select(k => Subkey(primary, k)).ToList(),
            PublicKey: Convert.ToBase64String(ring.GetEncoded()),
            Curve: PgpAlgorithms.Curve(primary),
            SelfSignatureDigests: certified.Select(u => u.Certification!).Append(selfSignature).OfType<PgpSignature>()
                .Select(s => PgpNames.Digest(s.HashAlgorithm)).Distinct().ToList());
    }

    private static PgpSubkeyFacts Subkey(PgpPublicKey primary, PgpPublicKey subkey)
    {
        var binding = PgpSelfSignatures.LatestBinding(primary, subkey);
        var flags = PgpAlgorithms.KeyFlagNames(binding);
        if (flags.Contains("sign") && !PgpSelfSignatures.HasValidBackSignature(binding!, primary, subkey))
            flags = flags.Where(f => f != "sign").ToList();

        return new PgpSubkeyFacts(
            Fingerprint: Convert.ToHexString(subkey.GetFingerprint()),
            KeyId: subkey.KeyId.ToString("X16"),
            Algorithm: PgpAlgorithms.Name(subkey.Algorithm) ?? $"Unknown({(int)subkey.Algorithm})",
            KeySize: PgpAlgorithms.KeySize(subkey),
            CreatedAt: Utc(subkey.CreationTime),
            ExpiresAt: ExpiresAt(subkey, binding),
            Revoked: PgpSelfSignatures.IsSubkeyRevoked(primary, subkey),
            KeyFlags: flags,
            Curve: PgpAlgorithms.Curve(subkey),
            BindingDigest: binding is null ? null : PgpNames.Digest(binding.HashAlgorithm));
    }

    /// <summary>Key expiration time is seconds after the key's creation (RFC 4880 §5.2.3.6); 0 or absent = never.</summary>
    private static DateTimeOffset? ExpiresAt(PgpPublicKey key, PgpSignature? selfSignature)
    {
        var subpackets = selfSignature?.GetHashedSubPackets();
        if (subpackets is null || !subpackets.HasSubpacket(SignatureSubpacketTag.KeyExpireTime))
            return null;
        var seconds = subpackets.GetKeyExpirationTime();
        return seconds > 0 ? Utc(key.CreationTime).AddSeconds(seconds) : null;
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
