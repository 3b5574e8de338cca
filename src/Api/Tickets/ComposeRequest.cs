using SecureMail.Api.Http;
using SecureMail.Application.Tickets.Compose;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Api.Tickets;

public sealed record AttachmentRequest(string? FileName, string? ContentType, string? Base64);

/// <param name="Type">"SMIME", "PGP", or null for no security.</param>
public sealed record SecurityRequest(string? Type, bool? Sign, bool? Encrypt);

/// <summary>The body of POST /api/v1/tickets (a new ticket) and POST /api/v1/tickets/{id}/articles (a reply).</summary>
/// <param name="AttachPublicKey">true: the group's public PGP key goes with the attachments (application/pgp-keys,
/// 0x{keyid}.asc), inside the signed and encrypted content when those apply; 422 public-key-missing when it has none.</param>
public sealed record ComposeRequest(
    string? Group,
    string? Customer,
    IReadOnlyList<string>? To,
    IReadOnlyList<string>? Cc,
    string? Subject,
    string? Body,
    string? Html,
    IReadOnlyList<AttachmentRequest>? Attachments,
    SecurityRequest? Security,
    long? ExpectedVersion,
    bool? AttachPublicKey = null)
{
    /// <summary>The command, or the field errors (400) that stop it before any rule is asked: the request's syntax is
    /// checked here, its rules in <see cref="ComposeDecision"/>.</summary>
    public (ComposeArticle? Command, Dictionary<string, string[]> Errors) ToCommand(Guid? ticketId, string actor)
    {
        var errors = new Dictionary<string, string[]>();
        var to = Addresses.Parse(To, "to", errors);
        var cc = Addresses.Parse(Cc, "cc", errors);
        var customer = Addresses.Parse(Customer is null ? [] : [Customer], "customer", errors).FirstOrDefault() ?? to.FirstOrDefault() ?? "";
        if (ticketId is null && string.IsNullOrWhiteSpace(Group))
            errors["group"] = ["A new ticket needs a group."];
        var system = ParseSystem(errors);
        var attachments = ParseAttachments(errors);
        if (errors.Count > 0)
            return (null, errors);
        var draft = new ArticleDraft(Group?.Trim() ?? "", customer, to, cc, Subject?.Trim() ?? "", Body ?? "", Html,
            attachments.Select(a => new AttachmentInfo(a.FileName, a.ContentType, a.Content.LongLength)).ToList());
        return (new ComposeArticle(new ComposeIntent(ticketId, ExpectedVersion, draft, system, Security?.Sign, Security?.Encrypt, actor,
            AttachPublicKey == true), attachments), errors);
    }

    private MailSecuritySystem? ParseSystem(Dictionary<string, string[]> errors)
    {
        if (Security?.Type is null)
            return null;
        if (Enum.TryParse<MailSecuritySystem>(Security.Type, ignoreCase: true, out var system))
            return system;
        errors["security.type"] = [$"\"{Security.Type}\" is not a security type: use \"SMIME\", \"PGP\" or null."];
        return null;
    }

    private List<OutgoingAttachment> ParseAttachments(Dictionary<string, string[]> errors)
    {
        var attachments = new List<OutgoingAttachment>();
        foreach (var (attachment, index) in (Attachments ?? []).Select((a, i) => (a, i)))
        {
            if (string.IsNullOrWhiteSpace(attachment.FileName))
                errors[$"attachments[{index}].fileName"] = ["An attachment needs a file name."];
            byte[]? content = null;
            try
            {
                content = Convert.FromBase64String(attachment.Base64 ?? "");
            }
            catch (FormatException)
            {
                errors[$"attachments[{index}].base64"] = ["The attachment is not valid base64."];
            }
            if (content is not null && !string.IsNullOrWhiteSpace(attachment.FileName))
                attachments.Add(new OutgoingAttachment(attachment.FileName.Trim(),
                    string.IsNullOrWhiteSpace(attachment.ContentType) ? "application/octet-stream" : attachment.ContentType.Trim(), content));
        }
        return attachments;
    }
}
