using System.Buffers.Binary;
using System.Security.Cryptography;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>OpenPGP encryption to RSA keys written here rather than by BouncyCastle, whose generator rebuilds (and
/// Miller-Rabin tests, about 13 ms) every recipient's key on every message (ADR 16). Same packets as before: a
/// public-key encrypted session key per recipient (RFC 4880 §5.1, PKCS#1 v1.5, an AES key), then one symmetrically
/// encrypted integrity protected data packet (§5.13: CFB with a zero IV and no resynchronisation, the random prefix
/// with its repeated last two octets, and the MDC packet, SHA-1 over prefix, plaintext and its own header).</summary>
internal static class PgpRsaEncryption
{
    private static readonly ParsedCache<RSA> PublicKeys = new(1024);

    public static bool CanEncryptTo(IEnumerable<PgpPublicKey> recipients) =>
        recipients.All(r => r.Algorithm is PublicKeyAlgorithmTag.RsaGeneral or PublicKeyAlgorithmTag.RsaEncrypt);

    /// <param name="plaintextPackets">The OpenPGP packets to protect (one-pass signature, literal data, signature).</param>
    public static void Write(Stream output, IReadOnlyList<PgpPublicKey> recipients, SymmetricKeyAlgorithmTag cipher, byte[] plaintextPackets)
    {
        var sessionKey = RandomNumberGenerator.GetBytes(KeyBytes(cipher));
        foreach (var recipient in recipients)
            Packet(output, PacketTag.PublicKeyEncryptedSession, SessionKeyFor(recipient, cipher, sessionKey));
        Packet(output, PacketTag.SymmetricEncryptedIntegrityProtected, [1, .. Encrypted(sessionKey, plaintextPackets)]);
    }

    private static int KeyBytes(SymmetricKeyAlgorithmTag cipher) => cipher switch
    {
        SymmetricKeyAlgorithmTag.Aes128 => 16,
        SymmetricKeyAlgorithmTag.Aes192 => 24,
        SymmetricKeyAlgorithmTag.Aes256 => 32,
        _ => throw new NotSupportedException($"Only AES is written here, not {cipher}."),
    };

    /// <summary>The session key message (§5.1): the cipher's id, the key, then a two-octet checksum of the key.</summary>
    private static byte[] SessionKeyFor(PgpPublicKey recipient, SymmetricKeyAlgorithmTag cipher, byte[] sessionKey)
    {
        var checksum = (ushort)sessionKey.Sum(b => b);
        byte[] message = [(byte)cipher, .. sessionKey, (byte)(checksum >> 8), (byte)checksum];
        var rsa = PublicKeys.GetOrParse(recipient.PublicKeyPacket.GetEncoded(), () => PublicKey(recipient));
        byte[] encrypted;
        lock (rsa)
            encrypted = rsa.Encrypt(message, RSAEncryptionPadding.Pkcs1);

        var body = new byte[1 + 8 + 1];
        body[0] = 3;
        BinaryPrimitives.WriteInt64BigEndian(body.AsSpan(1), recipient.KeyId);
        body[9] = (byte)recipient.Algorithm;
        return [.. body, .. Mpi(encrypted)];
    }

    private static RSA PublicKey(PgpPublicKey recipient)
    {
        var key = (RsaPublicBcpgKey)recipient.PublicKeyPacket.Key;
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = key.Modulus.ToByteArrayUnsigned(), Exponent = key.PublicExponent.ToByteArrayUnsigned() });
        return rsa;
    }

    private static byte[] Encrypted(byte[] sessionKey, byte[] plaintextPackets)
    {
        var prefix = RandomNumberGenerator.GetBytes(18);
        prefix[16] = prefix[14];
        prefix[17] = prefix[15];
        byte[] mdcHeader = [0xD3, 0x14];
        byte[] protectedData = [.. prefix, .. plaintextPackets, .. mdcHeader];
        byte[] plaintext = [.. protectedData, .. SHA1.HashData(protectedData)];

        // CFB is a stream mode: encrypting whole blocks and cutting the last one short gives the same bytes.
        var padded = new byte[(plaintext.Length + 15) / 16 * 16];
        plaintext.CopyTo(padded, 0);
        using var aes = Aes.Create();
        aes.Key = sessionKey;
        return aes.EncryptCfb(padded, new byte[16], PaddingMode.None, feedbackSizeInBits: 128)[..plaintext.Length];
    }

    /// <summary>A multiprecision integer (§3.2): its length in bits, then its octets without leading zeros.</summary>
    private static byte[] Mpi(byte[] value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
            start++;
        var bits = (value.Length - start - 1) * 8 + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)value[start]));
        return [(byte)(bits >> 8), (byte)bits, .. value.AsSpan(start)];
    }

    /// <summary>A new-format packet (§4.2.2) with a definite length.</summary>
    private static void Packet(Stream output, PacketTag tag, byte[] body)
    {
        output.WriteByte((byte)(0xC0 | (int)tag));
        var length = body.Length;
        if (length < 192)
            output.WriteByte((byte)length);
        else if (length < 8384)
        {
            output.WriteByte((byte)(((length - 192) >> 8) + 192));
            output.WriteByte((byte)(length - 192));
        }
        else
        {
            Span<byte> four = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(four, length);
            output.WriteByte(0xFF);
            output.Write(four);
        }
        output.Write(body);
    }
}
