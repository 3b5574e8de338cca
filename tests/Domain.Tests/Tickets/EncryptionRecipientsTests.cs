using SecureMail.Domain.Tickets;

namespace SecureMail.Domain.Tests.Tickets;

public class EncryptionRecipientsTests
{
    [Fact]
    public void The_to_and_cc_addresses_each_once_in_their_order_trimmed_and_lowercased()
    {
        var recipients = EncryptionRecipients.Of([" Alice@Example.com", "bob@example.com"], ["carol@example.com", "alice@example.com ", " "]);

        Assert.Equal(["alice@example.com", "bob@example.com", "carol@example.com"], recipients.Addresses.Select(a => a.Value));
    }
}
