using SecureMail.Domain.Inbound;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Inbound;

/// <summary>Reads incoming mail over MimeKit/BouncyCastle (Infrastructure). It extracts facts and does the work
/// that needs cryptography; the Domain turns the facts into the status users see. Keys come in as data, loaded by the
/// Application before each step: the reader never asks for more (ADR 38). Hostile input never makes it throw: every
/// failure comes back as a code (docs/inbound-status.md#no-input-crashes-ingestion).</summary>
public interface IInboundMessageReader
{
    /// <summary>Headers only, for threading and for knowing whose keys to load. Malformed headers are read as far as they go.</summary>
    InboundEnvelope ReadEnvelope(byte[] raw);

    /// <summary>First step: finds the security layers at the root of the message only
    /// (docs/inbound-status.md#outermost-layer-only), decrypts what is encrypted with <paramref name="keys"/>, and names
    /// the signers whose keys verification needs (<see cref="InboundOpening.Signers"/>).
    /// Its loops (parts, trial decryptions) observe <paramref name="cancellation"/>: the one exception it lets through is
    /// <see cref="OperationCanceledException"/>.</summary>
    InboundOpening Open(byte[] raw, DecryptionKeys keys, CancellationToken cancellation);

    /// <summary>Second step: verifies the signatures the opening found with <paramref name="keys"/> (what the keystore holds
    /// for <see cref="InboundOpening.Signers"/>); returns what was found and the article content (the plaintext when decrypted).</summary>
    InboundInspection Verify(InboundOpening opening, VerificationKeys keys, CancellationToken cancellation);
}

/// <summary>A message between the two steps: the reader's own state, and the signers it named.</summary>
public abstract class InboundOpening
{
    public abstract SignerIds Signers { get; }
}

/// <param name="From">Every address in From (a valid signature needs exactly one, the signer's).</param>
/// <param name="DeliveredTo">Delivered-To headers: the addresses the MTA delivered for.</param>
/// <param name="MessageId">Without angle brackets; null when missing.</param>
/// <param name="References">Without angle brackets, oldest first.</param>
public sealed record InboundEnvelope(
    IReadOnlyList<string> From,
    string? FromName,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> DeliveredTo,
    string Subject,
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    DateTimeOffset? Date);

public sealed record SmimeDecryptionKey(string Fingerprint, byte[] Certificate, byte[] Pkcs8PrivateKey);

/// <param name="SecretKeyRing">Unprotected, from the vault.</param>
public sealed record PgpDecryptionKey(string Fingerprint, byte[] SecretKeyRing);

public sealed record PgpPublicKey(PgpKeyFacts Facts, byte[] PublicKeyRing);

/// <param name="Decryption">Null when the root is not encrypted.</param>
/// <param name="Signature">Null when the envelope is not signed (a signature nested anywhere else does not count).</param>
public sealed record InboundInspection(DecryptionFacts? Decryption, SignatureFacts? Signature, InboundContent Content)
{
    /// <summary>OpenPGP keys the message offered (application/pgp-keys parts, the sender's Autocrypt header): candidates for
    /// review, never trusted. An S/MIME signer's certificate is in <see cref="Signature"/>.</summary>
    public IReadOnlyList<CarriedKey> CarriedKeys { get; init; } = [];
}

/// <param name="Body">text/plain body (from html when there is no text part, tags kept out).</param>
/// <param name="Plaintext">The decrypted content entity the attachments were listed from, to be kept sealed for their
/// download; null when they can be read from the raw message again (or there are none).</param>
public sealed record InboundContent(string Body, string? Html, IReadOnlyList<Domain.Tickets.AttachmentInfo> Attachments, byte[]? Plaintext = null);
