using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Outgoing;

/// <summary>Builds the MIME message of an outgoing article and applies its protection: sign first, then
/// encrypt (RFC 8551 §3.5 / RFC 3156 §6.1). Implemented over MimeKit/BouncyCastle in Infrastructure.
/// Keys are passed in, opened from the vault by the caller; the composer keeps nothing.
/// Throws <see cref="MailSecurityFailed"/> when a key cannot be used, never anything else for key problems.</summary>
public interface IOutgoingMailComposer
{
    ComposedMail Compose(OutgoingMessage message, OutgoingProtection protection);
}

public sealed record OutgoingAttachment(string FileName, string ContentType, byte[] Content);

/// <param name="MessageId">Without angle brackets, e.g. "3f2c...@example.com".</param>
/// <param name="InReplyTo">Message-ID (no brackets) of the article this one answers, if any.</param>
/// <param name="References">Message-IDs (no brackets), oldest first.</param>
/// <param name="Html">When present the body is multipart/alternative (text, html).</param>
public sealed record OutgoingMessage(
    string MessageId,
    string FromAddress,
    string? FromName,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string Body,
    string? Html,
    IReadOnlyList<OutgoingAttachment> Attachments,
    string? InReplyTo,
    IReadOnlyList<string> References,
    DateTimeOffset Date)
{
    public static OutgoingMessage For(OutgoingArticle article, IReadOnlyList<OutgoingAttachment> attachments)
    {
        var composed = article.Article;
        return new(composed.MessageId, composed.From, article.FromName, composed.To, composed.Cc, composed.Subject, composed.Body, composed.Html,
            attachments, composed.InReplyTo, article.References, composed.ComposedAt);
    }
}

/// <summary>What to do to the message: nothing, S/MIME, or PGP; each with an optional signer and the
/// encryption recipients (empty: do not encrypt). The recipients include the sender's own key so that
/// the sent copy stays readable.</summary>
public abstract record OutgoingProtection
{
    public static readonly OutgoingProtection None = new NoProtection();
}

public sealed record NoProtection : OutgoingProtection;

public sealed record SmimeProtection(SmimeSigner? Signer, IReadOnlyList<SmimeRecipient> Recipients) : OutgoingProtection;

public sealed record PgpProtection(PgpSigner? Signer, IReadOnlyList<PgpRecipient> Recipients) : OutgoingProtection;

/// <param name="Chain">Issuer certificates (DER) up to and including the root, as held in the keystore; attached to the signature.</param>
/// <param name="Pkcs8PrivateKey">From the vault; never stored anywhere by the composer.</param>
public sealed record SmimeSigner(string Fingerprint, byte[] Certificate, IReadOnlyList<byte[]> Chain, byte[] Pkcs8PrivateKey);

public sealed record SmimeRecipient(string Email, string Fingerprint, byte[] Certificate);

/// <param name="SecretKeyRing">From the vault: the transferable secret key with every secret (sub)key unprotected.</param>
public sealed record PgpSigner(string Fingerprint, byte[] SecretKeyRing);

/// <param name="PublicKeyRing">The transferable public key (binary); the composer picks the encryption subkey by key flags.</param>
public sealed record PgpRecipient(string Email, string Fingerprint, byte[] PublicKeyRing);

/// <param name="Raw">The whole message as it goes on the wire (RFC 5322 bytes, CRLF line ends).</param>
/// <param name="DigestAlgorithm">e.g. "SHA-256" when signed.</param>
/// <param name="Cipher">e.g. "AES-256-CBC" (S/MIME) or "AES-256" (PGP, SEIPD) when encrypted.</param>
/// <param name="SignerKeyFingerprint">The (sub)key that actually signed, when signed (PGP: may be a signing subkey).</param>
/// <param name="Attachments">As listed from the unprotected body that was built, with the ids a download finds them by.</param>
/// <param name="Plaintext">The unprotected body, when it was encrypted and has attachments: the raw message holds only ciphertext.</param>
public sealed record ComposedMail(byte[] Raw, string? DigestAlgorithm, string? Cipher, string? SignerKeyFingerprint,
    IReadOnlyList<AttachmentInfo> Attachments, byte[]? Plaintext)
{
    public ProtectionApplied Applied => new(Attachments, DigestAlgorithm, Cipher, SignerKeyFingerprint);
}

/// <summary>A key could not be used for the operation (unusable algorithm, damaged key, no encryption subkey); the
/// sentence is the Domain's (<see cref="KeyFailure.Message"/>).</summary>
public sealed class MailSecurityFailed(KeyFailure failure) : Exception(failure.Message)
{
    public KeyFailure Failure { get; } = failure;

    public SecurityOperation Operation => Failure.Operation;
}
