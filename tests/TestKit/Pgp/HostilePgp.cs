using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace SecureMail.TestKit.Pgp;

/// <summary>OpenPGP data built to make a reader work: thousands of session key packets that name no recipient, signatures
/// by the thousand, an RSA key far bigger than anyone uses. Packets are written byte by byte (RFC 4880 §4.2, §5.1, §5.2.3,
/// §5.5.2), since BouncyCastle will not write most of them.</summary>
public static class HostilePgp
{
    /// <summary>Version 3 public-key session key packets with key ID 0 and an RSA value of <paramref name="valueBytes"/>
    /// random octets: each one costs a private-key operation to find out it is not ours.</summary>
    public static byte[] AnonymousSessionKeys(int count, int valueBytes = 255)
    {
        using var output = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            var value = RandomNumberGenerator.GetBytes(valueBytes);
            value[0] |= 0x40;
            Packet(output, 1, [3, .. new byte[8], (byte)PublicKeyAlgorithmTag.RsaGeneral, .. Mpi(value)]);
        }
        return output.ToArray();
    }

    /// <summary>A symmetrically encrypted integrity protected data packet (§5.13) of random octets: nobody's plaintext.</summary>
    public static byte[] IntegrityProtectedData(int length)
    {
        using var output = new MemoryStream();
        Packet(output, 18, [1, .. RandomNumberGenerator.GetBytes(length)]);
        return output.ToArray();
    }

    /// <summary>BouncyCastle's encrypted data with the key ID of its session key packet set to 0, as gpg --throw-keyids writes it.</summary>
    public static byte[] HiddenRecipient(byte[] encrypted)
    {
        var copy = (byte[])encrypted.Clone();
        var header = (copy[0] & 0x40) != 0
            ? 1 + copy[1] switch { < 192 => 1, < 224 => 2, _ => 5 }
            : 1 + (copy[0] & 3) switch { 0 => 1, 1 => 2, _ => 4 };
        Array.Clear(copy, header + 1, 8);
        return copy;
    }

    /// <summary>The encrypted data without its session key packets: what follows them.</summary>
    public static byte[] WithoutSessionKeys(byte[] encrypted) => encrypted[PacketLength(encrypted)..];

    /// <summary><paramref name="copies"/> one-pass signature packets, a literal data packet written with partial body lengths,
    /// and <paramref name="copies"/> signatures: an inline signed message, as many times signed as asked.</summary>
    public static byte[] SignedManyTimes(PgpTestKey signer, string text, int copies)
    {
        var content = Encoding.UTF8.GetBytes(text);
        var generator = new PgpSignatureGenerator(PublicKeyAlgorithmTag.RsaGeneral, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.BinaryDocument, signer.PrivateSigningKey());
        using var output = new MemoryStream();
        var onePass = generator.GenerateOnePassVersion(false).GetEncoded();
        for (var i = 0; i < copies; i++)
            output.Write(onePass);
        using (var literal = new PgpLiteralDataGenerator().Open(output, PgpLiteralData.Binary, "", DateTime.UtcNow, new byte[512]))
            literal.Write(content);
        generator.Update(content);
        var signature = generator.Generate().GetEncoded();
        for (var i = 0; i < copies; i++)
            output.Write(signature);
        return output.ToArray();
    }

    /// <summary>One detached signature over <paramref name="content"/>, <paramref name="copies"/> times over.</summary>
    public static byte[] DetachedSignatures(PgpTestKey signer, byte[] content, int copies)
    {
        var generator = new PgpSignatureGenerator(PublicKeyAlgorithmTag.RsaGeneral, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.BinaryDocument, signer.PrivateSigningKey());
        generator.Update(content);
        var signature = generator.Generate().GetEncoded();
        return [.. Enumerable.Repeat(signature, copies).SelectMany(s => s)];
    }

    /// <summary>A transferable public key with an RSA modulus of <paramref name="bits"/> bits (<see cref="OversizedModulus"/>),
    /// its user ID and a certification that does not verify.</summary>
    public static byte[] OversizedKey(int bits, string userId)
    {
        var random = new SecureRandom();
        var modulus = OversizedModulus.Random(bits);
        var created = (uint)DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds();
        byte[] key = [4, .. BigEndian(created), (byte)PublicKeyAlgorithmTag.RsaGeneral, .. Mpi(modulus.ToByteArrayUnsigned()), .. Mpi([1, 0, 1])];
        var fingerprint = SHA1.HashData([0x99, (byte)(key.Length >> 8), (byte)key.Length, .. key]);
        byte[] hashed = [5, 2, .. BigEndian(created), 22, 33, 4, .. fingerprint];
        byte[] unhashed = [9, 16, .. fingerprint[12..]];
        byte[] signature = [4, 0x13, (byte)PublicKeyAlgorithmTag.RsaGeneral, (byte)HashAlgorithmTag.Sha256,
            (byte)(hashed.Length >> 8), (byte)hashed.Length, .. hashed, (byte)(unhashed.Length >> 8), (byte)unhashed.Length, .. unhashed,
            0x12, 0x34, .. Mpi(new BigInteger(bits - 8, random).SetBit(bits - 9).ToByteArrayUnsigned())];

        using var output = new MemoryStream();
        Packet(output, 6, key);
        Packet(output, 13, Encoding.UTF8.GetBytes(userId));
        Packet(output, 2, signature);
        return output.ToArray();
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] Mpi(byte[] value)
    {
        var bits = (value.Length - 1) * 8 + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)value[0]));
        return [(byte)(bits >> 8), (byte)bits, .. value];
    }

    /// <summary>A new-format packet with a five-octet length when needed (§4.2.2).</summary>
    private static void Packet(Stream output, int tag, byte[] body)
    {
        output.WriteByte((byte)(0xC0 | tag));
        if (body.Length < 192)
            output.WriteByte((byte)body.Length);
        else
            output.Write([255, .. BigEndian((uint)body.Length)]);
        output.Write(body);
    }

    // The length of the packets up to the first one that is not a session key packet.
    private static int PacketLength(byte[] data)
    {
        var at = 0;
        while (true)
        {
            var header = data[at];
            var tag = (header & 0x40) != 0 ? header & 0x3F : (header >> 2) & 0x0F;
            if (tag is not (1 or 3))
                return at;
            int length, octets;
            if ((header & 0x40) != 0)
                (length, octets) = data[at + 1] switch
                {
                    < 192 and var one => (one, 1),
                    < 224 and var two => (((two - 192) << 8) + data[at + 2] + 192, 2),
                    _ => ((data[at + 2] << 24) | (data[at + 3] << 16) | (data[at + 4] << 8) | data[at + 5], 5),
                };
            else
                (length, octets) = (header & 3) switch
                {
                    0 => (data[at + 1], 1),
                    1 => ((data[at + 1] << 8) | data[at + 2], 2),
                    _ => ((data[at + 1] << 24) | (data[at + 2] << 16) | (data[at + 3] << 8) | data[at + 4], 4),
                };
            at += 1 + octets + length;
        }
    }
}
