using System.Net.Mail;

namespace SecureMail.Domain.Common;

/// <summary>An e-mail address as the service compares it: a bare address (no display name), trimmed and lowercased
/// once, here. Keys, groups and recipients are matched on this form, so "Alice@Example.com " and "alice@example.com"
/// find the same certificate.</summary>
public readonly record struct EmailAddress
{
    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public string Domain => Value[(Value.LastIndexOf('@') + 1)..];

    /// <summary>Text from a person or a client: null when it is not one bare address.</summary>
    public static EmailAddress? Parse(string? text) =>
        MailAddress.TryCreate(text?.Trim(), out var parsed) && parsed.DisplayName.Length == 0
            ? new EmailAddress(parsed.Address.ToLowerInvariant())
            : null;

    /// <summary>An address the service already holds (an event, a certificate's e-mail, a header MimeKit parsed):
    /// normalised without judging its syntax, so stored data is never dropped for a stricter parser.</summary>
    public static EmailAddress Of(string text) => new(text.Trim().ToLowerInvariant());

    /// <summary>Each address once, in the normal form, blanks dropped.</summary>
    public static IReadOnlyList<EmailAddress> Distinct(IEnumerable<string> texts) =>
        texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Of).Distinct().ToList();

    public override string ToString() => Value ?? "";

    public static implicit operator string(EmailAddress address) => address.Value;
}
