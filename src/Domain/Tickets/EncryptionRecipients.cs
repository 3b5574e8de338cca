using SecureMail.Domain.Common;

namespace SecureMail.Domain.Tickets;

/// <summary>Whom an article is encrypted to: exactly the To and Cc addresses the agent sends it to (each once), and
/// nobody else. A reply goes to whom the agent addressed, so the ticket's customer counts only when the reply is
/// addressed to them: every reader of the mail needs a key, and nobody who does not receive it should need one. The
/// group's own key is added to the plan on top when it has one, so the sent copy stays readable; it is not a recipient
/// whose key is required. Security options and compose both take this, so what the Encrypt button says is what
/// compose does.</summary>
public sealed class EncryptionRecipients
{
    private EncryptionRecipients(IReadOnlyList<EmailAddress> addresses) => Addresses = addresses;

    public IReadOnlyList<EmailAddress> Addresses { get; }

    public static EncryptionRecipients Of(IEnumerable<string> to, IEnumerable<string> cc) => new(EmailAddress.Distinct(to.Concat(cc)));
}
