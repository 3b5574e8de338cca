using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Bcpg.Sig;
using Org.BouncyCastle.Security;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>OpenPGP data no honest tool sends, built with BouncyCastle: encrypted without MDC, signed with a critical
/// notation, signed by a subkey that never signed its binding back.</summary>
internal static class PgpPackets
{
    public static byte[] Encrypt(PgpTestKey recipient, string text, bool withIntegrity = true)
    {
        using var output = new MemoryStream();
        var generator = new PgpEncryptedDataGenerator(SymmetricKeyAlgorithmTag.Aes256, withIntegrity, new SecureRandom());
        generator.AddMethod(recipient.EncryptionSubkey);
        var content = Encoding.UTF8.GetBytes(text);
        using (var encrypted = generator.Open(output, new byte[1 << 12]))
        using (var literal = new PgpLiteralDataGenerator().Open(encrypted, PgpLiteralData.Utf8, "", content.Length, DateTime.UtcNow))
            literal.Write(content);
        return output.ToArray();
    }

    public static byte[] Literal(string text)
    {
        using var output = new MemoryStream();
        var content = Encoding.UTF8.GetBytes(text);
        using (var literal = new PgpLiteralDataGenerator().Open(output, PgpLiteralData.Utf8, "", content.Length, DateTime.UtcNow))
            literal.Write(content);
        return output.ToArray();
    }

    public static string Armor(byte[] binary, string type = "MESSAGE")
    {
        using var buffer = new MemoryStream();
        using (var armored = new ArmoredOutputStream(buffer))
            armored.Write(binary);
        var text = Encoding.ASCII.GetString(buffer.ToArray());
        return type == "MESSAGE" ? text : text.Replace("PGP MESSAGE", $"PGP {type}");
    }

    public static string DetachedSignature(PgpPublicKey key, PgpPrivateKey privateKey, byte[] content, bool criticalNotation = false)
    {
        var generator = new PgpSignatureGenerator(key.Algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.BinaryDocument, privateKey);
        var subpackets = new PgpSignatureSubpacketGenerator();
        subpackets.SetSignatureCreationTime(false, DateTime.UtcNow);
        subpackets.SetIssuerFingerprint(false, key);
        if (criticalNotation)
            subpackets.SetNotationData(true, true, "must-understand@example.com", "yes");
        generator.SetHashedSubpackets(subpackets.Generate());
        generator.Update(content);
        using var buffer = new MemoryStream();
        using (var armored = new ArmoredOutputStream(buffer))
            generator.Generate().Encode(armored);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }

    /// <summary>An RSA primary key with a signing subkey whose binding lacks the embedded back signature (RFC 4880 §5.2.1, 0x19).</summary>
    public static (PgpPublicKeyRing Ring, PgpPublicKey Subkey, PgpPrivateKey SubkeyPrivate) WithoutBackSignature(string userId)
    {
        var now = DateTime.UtcNow.AddMinutes(-5);
        var primary = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, TestKeys.Generate(), now);
        var signing = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, TestKeys.Generate(), now);
        var generator = new PgpKeyRingGenerator(PgpSignature.PositiveCertification, primary, userId, SymmetricKeyAlgorithmTag.Null,
            HashAlgorithmTag.Sha256, utf8PassPhrase: true, [], useSha1: true, Flags(KeyFlags.CertifyOther), null, new SecureRandom());
        generator.AddSubKey(signing, Flags(KeyFlags.SignData), null, HashAlgorithmTag.Sha256);
        var ring = generator.GeneratePublicKeyRing();
        var subkey = ring.GetPublicKeys().Single(k => !k.IsMasterKey);
        return (ring, subkey, generator.GenerateSecretKeyRing().GetSecretKey(subkey.KeyId).ExtractPrivateKey([]));
    }

    private static PgpSignatureSubpacketVector Flags(int flags)
    {
        var subpackets = new PgpSignatureSubpacketGenerator();
        subpackets.SetKeyFlags(false, flags);
        return subpackets.Generate();
    }
}
