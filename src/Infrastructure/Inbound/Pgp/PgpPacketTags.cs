namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>The tags of the top-level packets of OpenPGP data, read from their headers alone (RFC 4880 §4.2), so packets
/// are counted before BouncyCastle builds an object for each: it reads every session key packet in a row into one list,
/// and every signature or one-pass signature packet likewise, however many there are.</summary>
internal static class PgpPacketTags
{
    public const int Signature = 2;
    public const int OnePassSignature = 4;
    private const int PublicKeySessionKey = 1;
    private const int SymmetricSessionKey = 3;
    private const int Marker = 10;

    /// <summary>The session key packets in front of the encrypted data (marker packets skipped), counted up to one past <paramref name="max"/>.</summary>
    public static int LeadingSessionKeys(byte[] data, int max) =>
        Of(data).Where(tag => tag != Marker).TakeWhile(tag => tag is PublicKeySessionKey or SymmetricSessionKey).Take(max + 1).Count();

    /// <summary>The packets of one of <paramref name="tags"/>, counted up to one past <paramref name="max"/>.</summary>
    public static int Count(byte[] data, int max, params int[] tags) => Of(data).Where(tags.Contains).Take(max + 1).Count();

    /// <summary>Up to the end of the data, or up to a header that cannot be read.</summary>
    public static IEnumerable<int> Of(byte[] data)
    {
        long at = 0;
        while (at < data.Length && (data[at] & 0x80) != 0)
        {
            var header = data[at++];
            var newFormat = (header & 0x40) != 0;
            yield return newFormat ? header & 0x3F : (header >> 2) & 0x0F;
            var body = newFormat ? NewFormatBody(data, ref at) : OldFormatBody(data, header, ref at);
            if (body is not { } length)
                yield break;
            at += length;
        }
    }

    // §4.2.1: one, two or four length octets; the fourth kind runs to the end of the data.
    private static long? OldFormatBody(byte[] data, byte header, ref long at)
    {
        var octets = (header & 3) switch { 0 => 1, 1 => 2, 2 => 4, _ => 0 };
        if (octets == 0 || at + octets > data.Length)
            return null;
        long length = 0;
        for (var i = 0; i < octets; i++)
            length = (length << 8) | data[at++];
        return length;
    }

    // §4.2.2: a partial body length (§4.2.2.4) is followed by another length, until one that is not partial.
    private static long? NewFormatBody(byte[] data, ref long at)
    {
        while (at < data.Length)
        {
            int first = data[at++];
            if (first < 192)
                return first;
            if (first < 224)
                return at < data.Length ? ((first - 192) << 8) + data[at++] + 192 : null;
            if (first == 255)
            {
                if (at + 4 > data.Length)
                    return null;
                long length = ((long)data[at] << 24) | ((long)data[at + 1] << 16) | ((long)data[at + 2] << 8) | data[at + 3];
                at += 4;
                return length;
            }
            at += 1L << (first & 0x1F);
        }
        return null;
    }
}
