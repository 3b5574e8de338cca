using SecureMail.Domain.Inbound;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Inbound;

/// <summary>Reads incoming mail over MimeKit/BouncyCastle (Infrastructure). It extracts facts and does the work
/// that needs cryptography; the Domain turns the facts into the status users see. Hostile input never makes
/// it throw: every failure comes back as a failure code and message
/// (docs/inbound-status.md#no-input-crashes-ingestion).</summary>
public interface IInboundMessageReader
{
    /// <summary>Headers only, for threading and for knowing whose keys to load. Malformed headers are read as far as they go.</summary>
    InboundEnvelope ReadEnvelope(byte[] raw);

    /// <summary>Decrypts and verifies the security layers at the root of the message only
    /// (docs/inbound-status.md#outermost-layer-only), with keys from <paramref name="keyring"/>; returns what was
    /// found and the article content (the plaintext when decrypted).
    /// Its loops (parts, trial decryptions, signatures) observe <paramref name="cancellation"/>: the one exception it
    /// lets through is <see cref="OperationCanceledException"/>.</summary>
    Task<InboundInspection> InspectAsync(byte[] raw, IInboundKeyring keyring, CancellationToken cancellation);
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

/// <summary>Key lookups for one message; the Application implements it over the keystore and the vault.
/// Private keys are offered only for the addresses the message was sent to (To, Cc, Delivered-To).</summary>
public interface IInboundKeyring
{
    Task<IReadOnlyList<SmimeDecryptionKey>> SmimeDecryptionKeysAsync(CancellationToken cancellation);

    Task<IReadOnlyList<PgpDecryptionKey>> PgpDecryptionKeysAsync(CancellationToken cancellation);

    /// <summary>An imported certificate by SHA-256 fingerprint (lowercase hex): trusted for its own signatures (pinned), whatever
    /// issued it.</summary>
    Task<CertificateFacts?> CertificateAsync(string fingerprint, CancellationToken cancellation);

    /// <summary>An imported certificate by issuer and serial number (how a CMS SignerInfo names its signer), for a
    /// signature that does not carry its certificate. Same renderings as CertificateFacts.</summary>
    Task<CertificateFacts?> CertificateAsync(string issuer, string serialNumber, CancellationToken cancellation);

    /// <summary>Trust anchors (CA certificates an admin imported as such, never merely CA:TRUE ones) whose subject is
    /// <paramref name="subject"/> (same rendering as CertificateFacts).</summary>
    Task<IReadOnlyList<CertificateFacts>> TrustAnchorsAsync(string subject, CancellationToken cancellation);

    /// <summary>An imported PGP key holding a primary key or subkey with this key id (16 uppercase hex).</summary>
    Task<PgpPublicKey?> PgpKeyAsync(string keyId, CancellationToken cancellation);
}

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
