using JasperFx.Events;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>The ticket read model as a pure fold: given a stream's events, the view Marten would store. No database,
/// no service; each event is wrapped with its version and time as Marten hands it to <c>Evolve</c>.</summary>
public class TicketDetailsProjectionTests
{
    private static readonly Guid TicketId = Guid.CreateVersion7();
    private static readonly Guid ArticleId = Guid.CreateVersion7();
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Signer Alice = new("alice@example.com", "CN=Alice", "A1A1A1");

    [Fact]
    public void A_composed_article_is_pending_until_its_delivery_is_recorded()
    {
        var ticket = View(Opened(), Composed(RequestedSecurity.None));

        Assert.Equal(("Support", "alice@example.com", "Your request", Start), (ticket.Group, ticket.Customer, ticket.Subject, ticket.OpenedAt));
        Assert.Equal(["m1@example.com"], ticket.MessageIds);
        var article = Assert.Single(ticket.Articles);
        Assert.Equal((ArticleId, ArticleDirection.Outgoing, "support@example.com", "Hello Alice"), (article.Id, article.Direction, article.From, article.Body));
        Assert.Equal(new ArticleSecurityView(null, new(EncryptionStatus.None, null), new(SignatureStatus.None, null, null)), article.Security);
        Assert.Equal(new DeliveryView(DeliveryStatus.Pending, null, 0, null), article.Delivery);
        Assert.Equal((2L, Start.AddMinutes(1)), (ticket.TicketVersion, ticket.UpdatedAt));
    }

    [Fact]
    public void A_signed_and_encrypted_article_shows_its_signer_its_keys_and_its_delivery()
    {
        var ticket = View(
            Opened(),
            Composed(new RequestedSecurity(MailSecuritySystem.SMIME, Sign: true, Encrypt: true)),
            new ArticleSigned(TicketId, ArticleId, MailSecuritySystem.SMIME, "5151", "5151", "support@example.com", "CN=Support", "SHA-256", Start, "agent"),
            new ArticleEncrypted(TicketId, ArticleId, MailSecuritySystem.SMIME, ["A1A1A1", "5151"], "AES-256-CBC", Start, "agent"),
            new ArticleDelivered(TicketId, ArticleId, "250 2.0.0 queued as 42", 1, Start.AddMinutes(4)));

        var article = Assert.Single(ticket.Articles);
        Assert.Equal(new ArticleSecurityView("SMIME",
            new SecurityStatusView(EncryptionStatus.Encrypted, "Encrypted for 2 key(s) with AES-256-CBC."),
            new SignatureStatusView(SignatureStatus.Signed, null, new SignerView("support@example.com", "CN=Support", "5151"))), article.Security);
        Assert.Equal(new DeliveryView(DeliveryStatus.Delivered, "250 2.0.0 queued as 42", 1, Start.AddMinutes(4)), article.Delivery);
        Assert.Equal((5L, Start.AddMinutes(4)), (ticket.TicketVersion, ticket.UpdatedAt));
    }

    [Fact]
    public void A_delivery_the_server_refused_is_failed_with_its_reason_and_attempts()
    {
        var ticket = View(Opened(), Composed(RequestedSecurity.None),
            new ArticleDeliveryFailed(TicketId, ArticleId, "550 5.1.1 No such user", 3, Start.AddMinutes(2)));

        Assert.Equal(new DeliveryView(DeliveryStatus.Failed, "550 5.1.1 No such user", 3, Start.AddMinutes(2)), Assert.Single(ticket.Articles).Delivery);
    }

    [Fact]
    public void A_signing_key_that_failed_when_used_left_the_article_unsent()
    {
        var ticket = View(Opened(), Composed(new RequestedSecurity(MailSecuritySystem.SMIME, Sign: true, Encrypt: false)),
            new ArticleSecurityFailed(TicketId, ArticleId, MailSecuritySystem.SMIME, "Sign", "The signing key could not be opened.", Start.AddMinutes(2)));

        var article = Assert.Single(ticket.Articles);
        Assert.Equal(new SignatureStatusView(SignatureStatus.Failed, "The signing key could not be opened.", null), article.Security!.Signature);
        Assert.Equal(EncryptionStatus.None, article.Security.Encryption.Status);
        Assert.Equal(new DeliveryView(DeliveryStatus.NotSent, "The signing key could not be opened.", 0, Start.AddMinutes(2)), article.Delivery);
    }

    [Fact]
    public void An_event_for_one_article_leaves_the_others_as_they_were()
    {
        var reply = Guid.CreateVersion7();
        var ticket = View(Opened(), Composed(RequestedSecurity.None),
            Composed(RequestedSecurity.None) with { ArticleId = reply, MessageId = "m2@example.com", InReplyTo = "m1@example.com" },
            new ArticleDelivered(TicketId, reply, "250 OK", 1, Start.AddMinutes(3)));

        Assert.Equal(["m1@example.com", "m2@example.com"], ticket.MessageIds);
        Assert.Equal([DeliveryStatus.Pending, DeliveryStatus.Delivered], ticket.Articles.Select(a => a.Delivery!.Status));
    }

    [Fact]
    public void An_incoming_article_shows_no_security_until_its_security_process_has_run()
    {
        var ticket = View(Opened(), Received());

        var article = Assert.Single(ticket.Articles);
        Assert.Equal((ArticleDirection.Incoming, "alice@example.com", ""), (article.Direction, article.From, article.Body));
        Assert.Null(article.Security);
        Assert.Null(article.Delivery);
        Assert.Equal(["in-1@example.com"], ticket.MessageIds);
    }

    [Fact]
    public void An_incoming_article_decrypted_and_verified_shows_both_its_content_and_the_warnings()
    {
        var ticket = View(Opened(), Received(),
            new ArticleDecrypted(TicketId, ArticleId, MailSecuritySystem.SMIME, "5151", "AES-256-GCM", [], Start),
            new SignatureVerified(TicketId, ArticleId, MailSecuritySystem.SMIME, Alice, "SHA-256", Start, ["The CRL is past its next update."]),
            new ArticleContentExtracted(TicketId, ArticleId, "Hello support", null, [new AttachmentInfo("a.txt", "text/plain", 5, "2")], Start));

        var article = Assert.Single(ticket.Articles);
        Assert.Equal(new ArticleSecurityView("SMIME",
            new SecurityStatusView(EncryptionStatus.Decrypted, "Encrypted for you (AES-256-GCM)."),
            new SignatureStatusView(SignatureStatus.Valid, "Signature successfully verified. The CRL is past its next update.", new SignerView("alice@example.com", "CN=Alice", "A1A1A1"))),
            article.Security);
        Assert.Equal("Hello support", article.Body);
        Assert.Equal(["a.txt"], article.Attachments.Select(a => a.FileName));
        Assert.False(ticket.AwaitingKeys);
    }

    [Fact]
    public void A_plain_incoming_article_is_checked_and_shows_no_security()
    {
        var ticket = View(Opened(), Received(), new ArticleSecurityChecked(TicketId, ArticleId, Start));

        Assert.Equal(new ArticleSecurityView(null, new(EncryptionStatus.None, null), new(SignatureStatus.None, null, null)), Assert.Single(ticket.Articles).Security);
    }

    [Fact]
    public void A_decryption_that_failed_shows_its_reason_and_leaves_the_signature_unchecked()
    {
        var ticket = View(Opened(), Received(),
            new DecryptionFailed(TicketId, ArticleId, MailSecuritySystem.PGP, SecurityCode.Corrupt.Text(), "The OpenPGP data is damaged.", Start));

        Assert.Equal(new ArticleSecurityView("PGP",
            new SecurityStatusView(EncryptionStatus.Failed, "The OpenPGP data is damaged.", SecurityCode.Corrupt),
            new SignatureStatusView(SignatureStatus.None, null, null)), Assert.Single(ticket.Articles).Security);
        Assert.False(ticket.AwaitingKeys);
    }

    [Fact]
    public void A_message_that_awaits_a_key_is_flagged_until_a_retry_decrypts_it()
    {
        var failed = new object[]
        {
            Opened(), Received(),
            new DecryptionFailed(TicketId, ArticleId, MailSecuritySystem.SMIME, SecurityCode.NoPrivateKey.Text(), "No private key for this message.", Start),
        };
        var retried = failed.Append(new SecurityProcessRetried(TicketId, ArticleId, "system", Start.AddMinutes(5), "private key 5151 imported")).ToArray();
        var decrypted = retried.Append(new ArticleDecrypted(TicketId, ArticleId, MailSecuritySystem.SMIME, "5151", "AES-256-CBC", [], Start.AddMinutes(5))).ToArray();

        var awaiting = View(failed);
        Assert.True(awaiting.AwaitingKeys);
        Assert.Equal(SecurityCode.NoPrivateKey, Assert.Single(awaiting.Articles).Security!.Encryption.Code);
        var again = View(retried);
        Assert.False(again.AwaitingKeys);
        Assert.Null(Assert.Single(again.Articles).Security);
        var done = View(decrypted);
        Assert.False(done.AwaitingKeys);
        Assert.Equal(new SecurityStatusView(EncryptionStatus.Decrypted, "Encrypted for you (AES-256-CBC)."), Assert.Single(done.Articles).Security!.Encryption);
        Assert.Equal(5L, done.TicketVersion);
    }

    [Fact]
    public void A_signature_from_an_unknown_signer_awaits_a_key()
    {
        var ticket = View(Opened(), Received(),
            new SignatureVerificationFailed(TicketId, ArticleId, MailSecuritySystem.PGP, SecurityCode.UnknownSigner.Text(), "The signer's key is not in the keystore.", null, Start));

        Assert.True(ticket.AwaitingKeys);
        Assert.Equal(new SignatureStatusView(SignatureStatus.Invalid, "The signer's key is not in the keystore.", null, SecurityCode.UnknownSigner),
            Assert.Single(ticket.Articles).Security!.Signature);
    }

    [Fact]
    public void A_security_process_given_up_vouches_for_nothing()
    {
        var ticket = View(Opened(), Received(),
            new SecurityProcessAbandoned(TicketId, ArticleId, SecurityCode.TimedOut.Text(), "The security process ran out of time.", 3, Start));

        var security = Assert.Single(ticket.Articles).Security!;
        Assert.Equal(new SecurityStatusView(EncryptionStatus.Failed, "The security process ran out of time.", SecurityCode.TimedOut), security.Encryption);
        Assert.Equal(new SignatureStatusView(SignatureStatus.Invalid, "The security process ran out of time.", null, SecurityCode.TimedOut), security.Signature);
    }

    /// <summary>Folds the events as Marten does: event N of the stream has version N and, here, a time N-1 minutes after the start.</summary>
    private static TicketDetails View(params object[] events)
    {
        var projection = new TicketDetailsProjection();
        TicketDetails? view = null;
        for (var i = 0; i < events.Length; i++)
        {
            var e = Event.AsEvent(events[i]);
            e.StreamId = TicketId;
            e.Version = i + 1;
            e.Timestamp = Start.AddMinutes(i);
            view = projection.Evolve(view, TicketId, e);
        }
        return view ?? throw new InvalidOperationException("The events made no ticket.");
    }

    private static TicketOpened Opened() => new(TicketId, "Support", "alice@example.com", "Your request", "agent", Start);

    private static ArticleComposed Composed(RequestedSecurity security) => new(TicketId, ArticleId, "m1@example.com", "support@example.com",
        ["alice@example.com"], [], "Your request", "Hello Alice", null, [], security, null, "agent", Start);

    private static ArticleReceived Received() => new(TicketId, ArticleId, "in-1@example.com", ["alice@example.com"], "Alice",
        ["support@example.com"], [], ["support@example.com"], "Help", Start, null, 1234, "mailer", Start);
}
