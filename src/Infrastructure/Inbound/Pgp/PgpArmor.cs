using Org.BouncyCastle.Bcpg.OpenPgp;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>Armored or binary OpenPGP data to binary packets, and bounded reads of decrypted or decompressed data.</summary>
internal static class PgpArmor
{
    public const string Unreadable = "The OpenPGP data is not readable: it is damaged, truncated or not OpenPGP.";

    // A compressed packet can expand a thousandfold; nothing we show needs more than this.
    private const int MaxBytes = 64 << 20;

    /// <summary>Null when the armor (its base64 or CRC-24) is broken or there is nothing in it.</summary>
    public static byte[]? Decode(byte[] data)
    {
        try
        {
            using var decoder = PgpUtilities.GetDecoderStream(new MemoryStream(data, writable: false));
            var packets = ReadAll(decoder);
            return packets.Length > 0 ? packets : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    public static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                throw new PgpException("The OpenPGP data expands beyond the size limit.");
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Encrypted data starts with a session key packet (or, without one, the encrypted data itself).</summary>
    public static bool IsEncrypted(byte[] packets)
    {
        // Told from the first header alone: BouncyCastle would read every session key packet to answer.
        if (PgpPacketTags.LeadingSessionKeys(packets, 0) > 0)
            return true;
        try
        {
            var factory = new PgpObjectFactory(packets);
            var first = factory.NextPgpObject();
            while (first is PgpMarker)
                first = factory.NextPgpObject();
            return first is PgpEncryptedDataList;
        }
        catch (Exception)
        {
            return true;
        }
    }
}
