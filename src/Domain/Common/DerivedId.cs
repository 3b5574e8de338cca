using System.Security.Cryptography;
using System.Text;

namespace SecureMail.Domain.Common;

/// <summary>A stream id derived from what names the thing, so that the event store itself refuses a second stream for it:
/// two concurrent writers of one name target one stream and only one wins.</summary>
public static class DerivedId
{
    public static Guid From(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{name.ToLowerInvariant()}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 §5.8: version 8 (custom), variant 10.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
