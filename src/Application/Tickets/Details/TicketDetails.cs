using System.Text.Json.Serialization;
using SecureMail.Application.Common;
using SecureMail.Domain.Inbound;
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

    public ArticleView? Article(Guid id) => Articles.FirstOrDefault(a => a.Id == id);
}

public sealed record ArticleView(
    Guid Id,
    [property: JsonConverter(typeof(CamelCaseEnum<ArticleDirection>))] ArticleDirection Direction,
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
    public bool AwaitsKey => Direction == ArticleDirection.Incoming
        && (Security?.Encryption.Code == SecurityCode.NoPrivateKey || Security?.Signature.Code == SecurityCode.UnknownSigner);

    /// <summary>Outgoing and neither delivered, given up on, nor held back: what a delivery may still send.</summary>
    [JsonIgnore]
    public bool AwaitsDelivery => Delivery?.Status == DeliveryStatus.Pending;

    /// <summary>Whom the mail goes to: every To and Cc address the article names.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Recipients => [.. To, .. Cc];
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
    NotSent,
}

/// <param name="Status">Outgoing articles only.</param>
public sealed record DeliveryView([property: JsonConverter(typeof(CamelCaseEnum<DeliveryStatus>))] DeliveryStatus Status, string? Message, int Attempts,
    DateTimeOffset? At);

/// <param name="Type">SMIME, PGP, or null for an article without security.</param>
public sealed record ArticleSecurityView(string? Type, SecurityStatusView Encryption, SignatureStatusView Signature);

/// <summary>Outgoing: none, encrypted, failed; incoming: none, decrypted, failed.</summary>
public enum EncryptionStatus
{
    None,
    Encrypted,
    Decrypted,
    Failed,
}

/// <summary>Outgoing: none, signed, failed; incoming: none, valid, invalid.</summary>
public enum SignatureStatus
{
    None,
    Signed,
    Valid,
    Invalid,
    Failed,
}

/// <param name="Code">Why it failed, when it did (incoming).</param>
public sealed record SecurityStatusView(
    [property: JsonConverter(typeof(CamelCaseEnum<EncryptionStatus>))] EncryptionStatus Status,
    string? Message,
    [property: JsonConverter(typeof(KebabCaseEnum<SecurityCode>))] SecurityCode? Code = null);

/// <param name="Code">Why it is invalid, when it is (incoming).</param>
public sealed record SignatureStatusView(
    [property: JsonConverter(typeof(CamelCaseEnum<SignatureStatus>))] SignatureStatus Status,
    string? Message,
    SignerView? Signer,
    [property: JsonConverter(typeof(KebabCaseEnum<SecurityCode>))] SecurityCode? Code = null);

/// <param name="Name">Certificate subject or PGP user ID.</param>
public sealed record SignerView(string Email, string Name, string Fingerprint);
