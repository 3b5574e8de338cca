using System.Buffers.Binary;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Bcpg.Sig;
using SecureMail.Infrastructure.Keystore.Pgp;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>The checks BouncyCastle leaves out of a data signature's Verify().</summary>
internal static class PgpSignatureChecks
{
    // Subpackets this reader understands; a critical one of any other type makes the signature invalid (RFC 4880
    // §5.2.3.1). Notation data (20) is not among them: we know no notation, so a critical one must be refused.
    private static readonly HashSet<int> Understood = [2, 3, 4, 5, 6, 7, 9, 11, 12, 16, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 35];

    public static long IssuerKeyId(PgpSignature signature)
    {
        if (signature.KeyId != 0)
            return signature.KeyId;
        var fingerprint = signature.GetHashedSubPackets()?.GetIssuerFingerprint()?.GetFingerprint();
        return fingerprint is { Length: 20 } ? BinaryPrimitives.ReadInt64BigEndian(fingerprint.AsSpan(12)) : 0;
    }

    public static int? UnknownCriticalSubpacket(PgpSignature signature) =>
        new[] { signature.GetHashedSubPackets(), signature.GetUnhashedSubPackets() }
            .Where(v => v is not null)
            .SelectMany(v => v.ToArray())
            .Where(s => s.IsCritical() && !Understood.Contains((int)s.SubpacketType))
            .Select(s => (int?)s.SubpacketType)
            .FirstOrDefault();

    public static bool Verifies(PgpSignature signature, PgpPublicKey key, byte[] content)
    {
        if (signature.SignatureType is not (PgpSignature.BinaryDocument or PgpSignature.CanonicalTextDocument))
            return false;
        try
        {
            signature.InitVerify(key);
            signature.Update(content);
            return signature.Verify();
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>A primary key needs a valid self-signature; a subkey a valid binding with the back signature that
    /// proves the subkey agreed (RFC 4880 §5.2.1, 0x19). Where key flags are given they must allow signing.</summary>
    public static bool IsBoundForSigning(PgpPublicKeyRing ring, PgpPublicKey key)
    {
        var primary = ring.GetPublicKey();
        if (key.IsMasterKey)
        {
            var selfSignature = primary.GetUserIds()
                .Select(id => PgpSelfSignatures.CurrentCertification(primary, id))
                .OfType<PgpSignature>()
                .MaxBy(s => s.CreationTime) ?? PgpSelfSignatures.LatestDirectKeySignature(primary);
            return selfSignature is not null && AllowsSigning(selfSignature);
        }

        var binding = PgpSelfSignatures.LatestBinding(primary, key);
        return binding is not null && AllowsSigning(binding) && PgpSelfSignatures.HasValidBackSignature(binding, primary, key);
    }

    public static PgpPublicKeyRing? PublicRing(byte[] data)
    {
        try
        {
            return new PgpPublicKeyRing(PgpUtilities.GetDecoderStream(new MemoryStream(data, writable: false)));
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static bool AllowsSigning(PgpSignature selfSignature)
    {
        var subpackets = selfSignature.GetHashedSubPackets();
        return subpackets is null || !subpackets.HasSubpacket(SignatureSubpacketTag.KeyFlags)
            || (subpackets.GetKeyFlags() & KeyFlags.SignData) != 0;
    }
}
