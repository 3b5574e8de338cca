using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Bench.Store;

/// <summary>The events of a busy ticket, ten of them: an S/MIME article composed, signed, encrypted and delivered,
/// a customer's answer received, decrypted, verified and read, and a plain reply.</summary>
public static class TicketHistory
{
    public const int EventsPerTicket = 10;

    private static readonly string Body = new('x', 512);

    public static object[] Events(Guid ticketId, DateTimeOffset at)
    {
        var composed = Guid.CreateVersion7(at);
        var received = Guid.CreateVersion7(at);
        var reply = Guid.CreateVersion7(at);
        const string group = "support@example.com", customer = "alice@example.com";
        return
        [
            new TicketOpened(ticketId, "Support", customer, "A question", "agent", at),
            new ArticleComposed(ticketId, composed, $"{composed:N}@example.com", group, [customer], [], "A question", Body, null, [],
                new RequestedSecurity(MailSecuritySystem.SMIME, true, true), null, "agent", at),
            new ArticleSigned(ticketId, composed, MailSecuritySystem.SMIME, "aa", "aa", group, "CN=Support", "SHA-256", at, "agent"),
            new ArticleEncrypted(ticketId, composed, MailSecuritySystem.SMIME, ["aa", "bb"], "AES-256-CBC", at, "agent"),
            new ArticleDelivered(ticketId, composed, "250 OK", 1, at),
            new ArticleReceived(ticketId, received, $"{received:N}@customer.example", [customer], "Alice", [group], [], [], "Re: A question",
                at, $"{composed:N}@example.com", 4096, "mailer", at),
            new ArticleDecrypted(ticketId, received, MailSecuritySystem.SMIME, "aa", "AES-256-CBC", [], at),
            new SignatureVerified(ticketId, received, MailSecuritySystem.SMIME, new Signer(customer, "CN=Alice", "bb"), "SHA-256", at),
            new ArticleContentExtracted(ticketId, received, Body, null, [], at),
            new ArticleComposed(ticketId, reply, $"{reply:N}@example.com", group, [customer], [], "Re: A question", Body, null, [],
                RequestedSecurity.None, $"{received:N}@customer.example", "agent", at),
        ];
    }
}
