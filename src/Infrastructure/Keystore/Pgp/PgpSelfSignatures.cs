using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using System.Text;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Keystore.Pgp;

/// <summary>The self-signatures of a key that verify cryptographically; anyone can append unsigned or
/// foreign packets to a transferable key, so nothing else is believed (RFC 4880 §11.1, §5.2.4).</summary>
internal static class PgpSelfSignatures
{
    private static readonly int[] UserIdCertifications =
    [
        PgpSignature.DefaultCertification, PgpSignature.NoCertification,
        PgpSignature.CasualCertification, PgpSignature.PositiveCertification,
    ];

    /// <summary>The latest valid certification of the user ID, or null when it has none or its latest
    /// valid self-signature is a revocation.</summary>
    public static PgpSignature? CurrentCertification(PgpPublicKey primary, string userId)
    {
        var latest = primary.GetSignaturesForId(userId)
            .Where(s => IsOwnUserIdSignature(s, primary, userId))
            .MaxBy(s => s.CreationTime);
        return latest is not null && IsUserIdCertification(latest) ? latest : null;
    }

    public static PgpSignature? LatestDirectKeySignature(PgpPublicKey primary) =>
        primary.GetSignaturesOfType(PgpSignature.DirectKey).Where(s => IsOwnKeySignature(s, primary)).MaxBy(s => s.CreationTime);

    public static bool IsKeyRevoked(PgpPublicKey primary) =>
        primary.GetSignaturesOfType(PgpSignature.KeyRevocation).Any(s => IsOwnKeySignature(s, primary));

    public static PgpSignature? LatestBinding(PgpPublicKey primary, PgpPublicKey subkey) =>
        subkey.GetSignaturesOfType(PgpSignature.SubkeyBinding).Where(s => IsOwnSubkeySignature(s, primary, subkey)).MaxBy(s => s.CreationTime);

    public static bool IsSubkeyRevoked(PgpPublicKey primary, PgpPublicKey subkey) =>
        subkey.GetSignaturesOfType(PgpSignature.SubkeyRevocation).Any(s => IsOwnSubkeySignature(s, primary, subkey));

    /// <summary>A direct-key signature or key revocation the primary key made over itself.</summary>
    public static bool IsOwnKeySignature(PgpSignature signature, PgpPublicKey primary) =>
        signature.SignatureType is PgpSignature.DirectKey or PgpSignature.KeyRevocation
        && IssuedBy(signature, primary, primary) && Verifies(signature, primary, [], s => s.VerifyCertification(primary));

    /// <summary>A certification or certification revocation the primary key made over one of its user IDs.</summary>
    public static bool IsOwnUserIdSignature(PgpSignature signature, PgpPublicKey primary, string userId) =>
        (IsUserIdCertification(signature) || signature.SignatureType == PgpSignature.CertificationRevocation)
        && IssuedBy(signature, primary, primary)
        && Verifies(signature, primary, Encoding.UTF8.GetBytes(userId), s => s.VerifyCertification(userId, primary));

    /// <summary>A binding or revocation the primary key made over the subkey.</summary>
    public static bool IsOwnSubkeySignature(PgpSignature signature, PgpPublicKey primary, PgpPublicKey subkey) =>
        signature.SignatureType is PgpSignature.SubkeyBinding or PgpSignature.SubkeyRevocation
        && IssuedBy(signature, primary, subkey) && Verifies(signature, primary, Packet(subkey), s => s.VerifyCertification(primary, subkey));

    /// <summary>A signing subkey must sign its own binding back (the embedded primary key binding
    /// signature), or anyone could claim someone else's signing subkey as theirs (RFC 4880 §5.2.1, 0x19).</summary>
    public static bool HasValidBackSignature(PgpSignature binding, PgpPublicKey primary, PgpPublicKey subkey) =>
        new[] { binding.GetHashedSubPackets(), binding.GetUnhashedSubPackets() }
            .Where(v => v is not null)
            .SelectMany(v => Embedded(v))
            .Any(s => s.SignatureType == PgpSignature.PrimaryKeyBinding
                && IssuedBy(s, subkey, subkey)
                && Verifies(s, subkey, Packet(primary), s2 => s2.VerifyCertification(primary, subkey)));

    private static bool IsUserIdCertification(PgpSignature signature) =>
        UserIdCertifications.Contains(signature.SignatureType);

    // MD5 signatures are forgeable by collision; a signature older than the key it covers was not made by it.
    private static bool IssuedBy(PgpSignature signature, PgpPublicKey issuer, PgpPublicKey signedKey) =>
        signature.KeyId == issuer.KeyId
        && signature.HashAlgorithm != HashAlgorithmTag.MD5
        && signature.CreationTime >= signedKey.CreationTime;

    /// <summary>Whether a signature verifies is a fact about its bytes, the issuer's key and what it signs; BouncyCastle
    /// rebuilds (and Miller-Rabin tests) the RSA key on every verification, so each answer is computed once (ADR 16).</summary>
    private static bool Verifies(PgpSignature signature, PgpPublicKey issuer, byte[] signed, Func<PgpSignature, bool> verify)
    {
        byte[] identity;
        try
        {
            identity = [.. Framed(signature.GetEncoded()), .. Framed(Packet(issuer)), .. Framed(signed)];
        }
        catch (Exception)
        {
            return false;
        }
        return Answers.GetOrParse(identity, () => Verify(signature, issuer, verify) ? Yes : No) == Yes;
    }

    private static readonly object Yes = new(), No = new();
    private static readonly ParsedCache<object> Answers = new(16384);

    private static bool Verify(PgpSignature signature, PgpPublicKey issuer, Func<PgpSignature, bool> verify)
    {
        try
        {
            signature.InitVerify(issuer);
            return verify(signature);
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static byte[] Packet(PgpPublicKey key) => key.PublicKeyPacket.GetEncoded();

    private static byte[] Framed(byte[] part) => [.. BitConverter.GetBytes(part.Length), .. part];

    private static IEnumerable<PgpSignature> Embedded(PgpSignatureSubpacketVector subpackets)
    {
        try
        {
            var list = subpackets.GetEmbeddedSignatures();
            return Enumerable.Range(0, list.Count).Select(i => list[i]).ToList();
        }
        catch (Exception)
        {
            return [];
        }
    }
}
