using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;

namespace SecureMail.Infrastructure.Inbound;

internal enum Protection
{
    Signature,
    Encryption,
}

/// <summary>A security layer found at the root of a message (or directly inside another one), with the bytes
/// needed to open it.</summary>
internal abstract record SecurityLayer(Protection Protects, MailSecuritySystem System);

/// <param name="Content">The first part of multipart/signed, exactly as sent, CRLF.</param>
internal sealed record DetachedSigned(MailSecuritySystem Kind, byte[] Content, byte[] Signature) : SecurityLayer(Protection.Signature, Kind);

/// <summary>application/pkcs7-mime signed-data with the content inside ("opaque", as Outlook sends it).</summary>
internal sealed record SmimeOpaqueSigned(byte[] Cms) : SecurityLayer(Protection.Signature, MailSecuritySystem.SMIME);

/// <summary>application/pkcs7-mime enveloped-data (or auth-enveloped-data, or something unreadable claiming to be it).</summary>
internal sealed record SmimeEnveloped(byte[] Cms) : SecurityLayer(Protection.Encryption, MailSecuritySystem.SMIME);

/// <summary>OpenPGP packets (armor removed): PGP/MIME's encrypted part, or a whole inline PGP MESSAGE block.</summary>
/// <param name="Inline">The plaintext is text, not a MIME entity.</param>
internal sealed record PgpMessage(Protection Kind, byte[] Packets, bool Inline) : SecurityLayer(Kind, MailSecuritySystem.PGP);

/// <summary>A whole inline clear-signed block (RFC 4880 §7), as the text/plain body's bytes.</summary>
internal sealed record PgpClearSigned(byte[] Text, string? Charset) : SecurityLayer(Protection.Signature, MailSecuritySystem.PGP);

/// <summary>A layer whose structure is broken; it is reported failed with <see cref="Reason"/>, never opened.</summary>
internal sealed record MalformedLayer(Protection Kind, MailSecuritySystem Of, SecurityCode Code, string Reason) : SecurityLayer(Kind, Of);

/// <summary>The plaintext a layer opened: a MIME entity (headers and body) or the text of an inline PGP block.</summary>
internal abstract record Plaintext;

internal sealed record MimePlaintext(byte[] Bytes) : Plaintext;

internal sealed record InlinePlaintext(string Text) : Plaintext;

/// <param name="Inside">Null when the layer could not be opened (content must not be shown).</param>
internal sealed record LayerResult(DecryptionFacts? Decryption, SignatureFacts? Signature, Plaintext? Inside)
{
    /// <summary>OpenPGP signed and encrypted in one (RFC 3156 §6.2): the signatures the decrypted message holds, verified
    /// in the second step.</summary>
    public PgpSignedContent? SignedInside { get; init; }
}

internal sealed record PgpSignedContent(IReadOnlyList<Org.BouncyCastle.Bcpg.OpenPgp.PgpSignature> Signatures, byte[] Literal);
