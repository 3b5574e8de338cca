using System.Text;
using SecureMail.TestKit.Outgoing;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>The OpenPGP data of a PGP/MIME message, cut out byte for byte as a reader's client does.</summary>
internal static class PgpMimeParts
{
    /// <summary>RFC 3156 §4: application/pgp-encrypted "Version: 1", then the armored data.</summary>
    public static byte[] EncryptedPayload(byte[] raw)
    {
        var contentType = RawMime.Header(raw, "Content-Type")!;
        Assert.StartsWith("multipart/encrypted", contentType);
        Assert.Contains("protocol=\"application/pgp-encrypted\"", contentType);
        var parts = RawMime.Parts(raw);
        Assert.Equal(2, parts.Count);
        Assert.StartsWith("application/pgp-encrypted", RawMime.Header(parts[0], "Content-Type"));
        Assert.Contains("Version: 1", Encoding.ASCII.GetString(RawMime.Body(parts[0])));
        Assert.StartsWith("application/octet-stream", RawMime.Header(parts[1], "Content-Type"));
        return RawMime.Body(parts[1]);
    }

    /// <summary>RFC 3156 §5: the signed part exactly as it stands between its boundaries, and the armored signature.</summary>
    public static (byte[] SignedPart, byte[] Signature) Signed(byte[] raw)
    {
        var contentType = RawMime.Header(raw, "Content-Type")!;
        Assert.StartsWith("multipart/signed", contentType);
        Assert.Contains("protocol=\"application/pgp-signature\"", contentType);
        var parts = RawMime.Parts(raw);
        Assert.Equal(2, parts.Count);
        Assert.StartsWith("application/pgp-signature", RawMime.Header(parts[1], "Content-Type"));
        return (parts[0], RawMime.Body(parts[1]));
    }
}
