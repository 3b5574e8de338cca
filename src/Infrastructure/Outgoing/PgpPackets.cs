using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>The OpenPGP packets of a PGP/MIME message, armored: a detached SHA-256 signature, or an AES-256
/// SEIPD container with MDC (RFC 4880 §5.13) holding, when signing, one-pass signature + literal data + signature.</summary>
internal static class PgpPackets
{
    /// <summary>The one cipher both writers are given, and the one reported as used: OpenPGP hides the cipher's id
    /// inside each recipient's encrypted session key (RFC 4880 §5.1), so the sender cannot read it back from the message.</summary>
    private const SymmetricKeyAlgorithmTag Cipher = SymmetricKeyAlgorithmTag.Aes256;

    public static byte[] DetachedSignature(PgpSigningKey signer, byte[] content, DateTimeOffset at) => Armored(output =>
    {
        var generator = SignatureGenerator(signer, at);
        generator.Update(content);
        generator.Generate().Encode(output);
    });

    public static PgpEncrypted Encrypt(IReadOnlyList<PgpPublicKey> recipients, byte[] content, PgpSigningKey? signer, DateTimeOffset at)
    {
        var packets = SignedLiteral(content, signer, at);
        if (PgpRsaEncryption.CanEncryptTo(recipients))
            return new PgpEncrypted(Armored(output => PgpRsaEncryption.Write(output, recipients, Cipher, packets)), Cipher);

        var encryption = new PgpEncryptedDataGenerator(Cipher, withIntegrityPacket: true, new SecureRandom());
        foreach (var recipient in recipients)
            encryption.AddMethod(recipient);
        return new PgpEncrypted(Armored(output =>
        {
            using var encrypted = encryption.Open(output, new byte[1 << 16]);
            encrypted.Write(packets);
        }), Cipher);
    }

    /// <summary>What goes inside the encryption: one-pass signature, literal data, signature (RFC 4880 §11.3), or the
    /// literal data alone.</summary>
    private static byte[] SignedLiteral(byte[] content, PgpSigningKey? signer, DateTimeOffset at)
    {
        using var packets = new MemoryStream();
        var signature = signer is null ? null : SignatureGenerator(signer, at);
        signature?.GenerateOnePassVersion(false).Encode(packets);
        using (var literal = new PgpLiteralDataGenerator().Open(packets, PgpLiteralData.Binary, "", content.Length, at.UtcDateTime))
            literal.Write(content);
        signature?.Update(content);
        signature?.Generate().Encode(packets);
        return packets.ToArray();
    }

    private static PgpSignatureGenerator SignatureGenerator(PgpSigningKey signer, DateTimeOffset at)
    {
        var generator = new PgpSignatureGenerator(signer.PublicKey.Algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.BinaryDocument, signer.PrivateKey, new SecureRandom());
        var subpackets = new PgpSignatureSubpacketGenerator();
        subpackets.SetSignatureCreationTime(false, at.UtcDateTime);
        subpackets.SetIssuerFingerprint(false, signer.PublicKey);
        generator.SetHashedSubpackets(subpackets.Generate());
        return generator;
    }

    private static byte[] Armored(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        using (var armored = ArmoredOutputStream.Build().SetVersion(null).Build(buffer))
            write(armored);

        return buffer.ToArray();
    }
}

internal sealed record PgpEncrypted(byte[] Armored, SymmetricKeyAlgorithmTag Cipher);
