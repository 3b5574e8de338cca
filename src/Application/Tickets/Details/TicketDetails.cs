using System.Text.Json.Serialization;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Details;

/// <summary>Read model of one ticket with its articles, as agents and auditors see it.</summary>
public sealed record TicketDetails
{
    public Guid Id { get; init; }
    public required string Group { get; init; }
    public required string Customer { get; init; }
    public required string Subject { get; init; }
    /// <summary>How many events the ticket's own stream holds: what a reply's expectedVersion is compared with.
    /// Not named Version, which Marten would take over as the document's revision number.</summary>
    [JsonPropertyName("version")]
    public long TicketVersion { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyList<ArticleView> Articles { get; init; } = [];
    /// <summary>Message-IDs of every article, for threading replies (In-Reply-To, References).</summary>
    public IReadOnlyList<string> MessageIds { get; init; } = [];
    /// <summary>Some incoming article failed for a key we did not hold: the bulk retry looks here.</summary>
    public bool AwaitingKeys { get; init; }
}

public sealed record ArticleView(
    Guid Id,
    string Direction,
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string Body,
    string? Html,
    IReadOnlyList<AttachmentInfo> Attachments,
    DateTimeOffset CreatedAt,
    ArticleSecurityView? Security,
    DeliveryView? Delivery)
{
    /// <summary>Failed because the private key (decryption) or the signer's key (verification) was not in the keystore.</summary>
    public bool AwaitsKey => Direction == "incoming" && (Security?.Encryption.Reason == Domain.Inbound.InboundFailure.NoPrivateKey || Security?.Signature.Reason == Domain.Inbound.InboundFailure.UnknownSigner);
}

/// <param name="Status">outgoing: pending, delivered, failed, notSent.</param>
public sealed record DeliveryView(string Status, string? Message, int Attempts, DateTimeOffset? At);

/// <param name="Type">SMIME, PGP, or null for an article without security.</param>
public sealed record ArticleSecurityView(string? Type, SecurityStatusView Encryption, SignatureStatusView Signature);

/// <param name="Status">outgoing: none, encrypted, failed; incoming: none, decrypted, failed.</param>
/// <param name="Reason">The failure code, when failed.</param>
public sealed record SecurityStatusView(string Status, string? Message, string? Reason = null);

/// <param name="Status">outgoing: none, signed, failed; incoming: none, valid, invalid.</param>
public sealed record SignatureStatusView(string Status, string? Message, SignerView? Signer, string? Reason = null);

/// <param name="Name">Certificate subject or PGP user ID.</param>
public sealed record SignerView(string Email, string Name, string Fingerprint);
